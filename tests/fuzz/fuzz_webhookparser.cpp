// libFuzzer target: arbitrary bytes as a webhook body. Besides the sanitizers, it checks the
// promises WebhookParser makes to its callers; a broken one aborts, which libFuzzer reports.

#include "whatsapp/webhookparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Wardline::WhatsApp;

namespace {

void require(bool promiseKept)
{
    if (!promiseKept)
        std::abort();
}

void checkBatch(const WebhookBatch &batch)
{
    for (const WebhookEntry &entry : batch.entries) {
        require(!entry.id.isEmpty());
        for (const WebhookChange &change : entry.changes) {
            require(!change.field.isEmpty());
            for (const WebhookMessage &message : change.messages) {
                // What the hub relies on: a de-duplication key, a UTC time, a type to route by.
                require(!message.id.isEmpty() && !message.typeName.isEmpty());
                require(message.timestamp.isValid() && message.timestamp.timeSpec() == Qt::UTC);
                require(!message.from.isEmpty() || !message.fromUserId.isEmpty() ||
                        message.type == Wardline::Core::MessageType::System);
                require(message.type == WebhookParser::messageType(message.typeName));
                require(!message.raw.isEmpty());
                if (const WebhookContact *contact = change.contactFor(message))
                    require(!contact->waId.isEmpty() || !contact->userId.isEmpty());
            }
            for (const WebhookStatus &status : change.statuses) {
                require(!status.id.isEmpty() && !status.statusName.isEmpty());
                require(status.timestamp.isValid() && !status.raw.isEmpty());
            }
            for (const WebhookContact &contact : change.contacts)
                require(!contact.waId.isEmpty() || !contact.userId.isEmpty());
            if (change.field == u"messages")
                require(!change.metadata.phoneNumberId.isEmpty());
            if (change.templateStatus)
                require(!change.templateStatus->event.isEmpty());
        }
    }
    for (const WebhookProblem &problem : batch.problems) {
        require(!problem.what.isEmpty() && problem.entryIndex >= 0);
        require(problem.item == WebhookProblem::Item::Entry || problem.changeIndex >= 0);
        require(!problem.toString().isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView body(reinterpret_cast<const char *>(data), qsizetype(size));
    const WebhookParseResult result = WebhookParser::parse(body);
    if (result.ok()) {
        require(result.failure() == WebhookParseResult::Failure::None);
        checkBatch(result.value());
    } else {
        require(result.failure() != WebhookParseResult::Failure::None);
        require(!result.error().isEmpty());
    }
    // The caller's size limit is applied before anything is read.
    if (size > 0) {
        const WebhookParseResult refused = WebhookParser::parse(body, qsizetype(size) - 1);
        require(refused.failure() == WebhookParseResult::Failure::TooLarge);
    }
    return 0;
}

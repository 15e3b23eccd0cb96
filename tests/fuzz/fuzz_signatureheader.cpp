// libFuzzer target: X-Hub-Signature-256 header values and bodies. The input is the header, a
// newline, then the body (no newline: all header, empty body). Besides the sanitizers, it checks
// the promises of WebhookSignature; a broken one aborts, which libFuzzer reports.

#include "whatsapp/webhooksignature.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using Wardline::WhatsApp::WebhookSignature;
using Verification = WebhookSignature::Verification;

namespace {

// The seed corpus (tests/fuzz/corpus/fuzz_signatureheader) is signed with this secret.
constexpr QByteArrayView Secret{"wardline-fuzz-app-secret"};
constexpr QByteArrayView OtherSecret{"wardline-fuzz-app-secret-2"};
constexpr QByteArrayView Prefix{"sha256="};

void require(bool promiseKept)
{
    if (!promiseKept)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArrayView header = newline < 0 ? input : input.first(newline);
    const QByteArrayView body = newline < 0 ? QByteArrayView() : input.sliced(newline + 1);

    const std::optional<QByteArray> digest = WebhookSignature::parseHeader(header);
    if (digest) {
        // Only "sha256=" and exactly 64 hex digits parse, and they decode to what they say.
        require(digest->size() == 32);
        require(header.size() == Prefix.size() + 64 && header.startsWith(Prefix));
        require(digest->toHex() == header.sliced(Prefix.size()).toByteArray().toLower());
    }

    const Verification verification = WebhookSignature::verify(Secret, body, header);
    require((verification == Verification::Missing) == header.isEmpty());
    require((verification == Verification::Malformed) == (!header.isEmpty() && !digest));
    const QByteArray expected = WebhookSignature::sign(Secret, body);
    if (verification == Verification::Valid)
        require(digest && digest->toHex() == expected.sliced(Prefix.size()));

    // What we sign verifies with our secret, and never with another one.
    require(WebhookSignature::verify(Secret, body, expected) == Verification::Valid);
    require(WebhookSignature::verify(OtherSecret, body, expected) == Verification::Mismatch);
    return 0;
}

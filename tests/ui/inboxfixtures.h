#pragma once

// Fictional conversations for the inbox tests and screenshots. No real person's data.
#include "console/inboxstore.h"

#include <QDateTime>
#include <QTimeZone>

namespace InboxFixtures {

inline QDateTime now()
{
    return QDateTime(QDate(2026, 3, 10), QTime(10, 0), QTimeZone::utc());
}

/// An open conversation whose patient last wrote \a minutesAgo minutes before now().
inline Wardline::Console::ConversationSummary conversation(qint64 id, const char *category,
                                                           const char *priority, int minutesAgo)
{
    Wardline::Console::ConversationSummary s;
    s.id = id;
    s.patientId = 1000 + id;
    s.patientName = QStringLiteral("Test Patient %1").arg(id);
    s.language = QStringLiteral("en");
    s.category = QString::fromLatin1(category);
    s.priority = QString::fromLatin1(priority);
    s.state = QStringLiteral("open");
    s.lastInboundAt = now().addSecs(-60LL * minutesAgo);
    s.lastMessageAt = s.lastInboundAt;
    s.preview = QStringLiteral("Message %1").arg(id);
    s.previewDirection = QStringLiteral("in");
    s.unread = 1;
    s.seq = id;
    return s;
}

} // namespace InboxFixtures

namespace InboxFixtures {

/// A realistic morning on the line, for screenshots: invented patients, invented messages.
inline QList<Wardline::Console::ConversationSummary> demoInbox(qint64 me)
{
    using Wardline::Console::ConversationSummary;
    const QDateTime t = now();
    QList<ConversationSummary> all;
    const auto add = [&](qint64 id, const char *name, const char *category, const char *priority,
                         int minutesAgo, const char *preview) -> ConversationSummary & {
        ConversationSummary s = conversation(id, category, priority, minutesAgo);
        s.patientName = QString::fromUtf8(name);
        s.preview = QString::fromUtf8(preview);
        s.unread = 0;
        all.append(s);
        return all.last();
    };
    ConversationSummary &chest =
        add(1, "Rosa Delgado Ibáñez", "EMERGENCY", "P1", 2,
            "Tengo un dolor muy fuerte en el pecho y se me duerme el brazo izquierdo");
    chest.alertAt = t.addSecs(-90);
    chest.unread = 2;
    chest.slaDueAt = chest.lastInboundAt.addSecs(10 * 60);
    chest.slaKind = QStringLiteral("emergency");
    ConversationSummary &wound = add(2, "Thomas Whitfield", "NURSE", "P2", 38,
                                     "The wound is red and warm around the stitches today, is "
                                     "that normal three days after the operation?");
    wound.unread = 1;
    wound.slaKind = QStringLiteral("nurse");
    wound.slaDueAt = wound.lastInboundAt.addSecs(60 * 60);
    ConversationSummary &fever = add(3, "Lucía Fernández", "NURSE", "P2", 95,
                                     "Mi hijo sigue con 38,5 de fiebre después del paracetamol");
    fever.slaKind = QStringLiteral("nurse");
    fever.slaDueAt = fever.lastInboundAt.addSecs(60 * 60);
    fever.assigneeId = me;
    fever.assigneeName = QStringLiteral("Ana Ruiz");
    ConversationSummary &refill = add(4, "George Okafor", "REFILL", "P3", 170,
                                      "Could you renew my metformin? I have 4 tablets left.");
    refill.slaKind = QStringLiteral("refill");
    refill.slaDueAt = refill.lastInboundAt.addSecs(4 * 60 * 60);
    refill.unread = 1;
    ConversationSummary &lab = add(5, "Carmen Ruiz Soto", "LAB_RESULTS", "P3", 50,
                                   "¿Ya están los resultados de la analítica del lunes?");
    lab.slaKind = QStringLiteral("lab");
    lab.slaDueAt = lab.lastInboundAt.addSecs(8 * 60 * 60);
    lab.assigneeId = 31;
    lab.assigneeName = QStringLiteral("Pedro Marín");
    ConversationSummary &appointment =
        add(6, "Hannah Kowalski", "APPOINTMENT", "P4", 26 * 60, "CHANGE");
    appointment.lastMessageAt = t.addSecs(-3600);
    appointment.preview = QStringLiteral("We sent the appointment options (template)");
    appointment.previewDirection = QStringLiteral("out");
    add(7, "Miguel Ángel Torres", "GENERAL", "P4", 12, "Gracias por la información, hasta mañana")
        .unread = 1;
    ConversationSummary &closed =
        add(8, "Priya Natarajan", "NURSE", "P2", 3 * 24 * 60, "Thank you, feeling much better");
    closed.state = QStringLiteral("closed");
    return all;
}

} // namespace InboxFixtures

#include "core/phonenumber.h"

#include <QTest>

using namespace Wardline::Core;
using namespace Qt::StringLiterals;

// Numbers are fictional: NANP 555-01xx lines are reserved for fiction, the others are
// made-up numbers that only have to fit their country's numbering plan.
class TestPhoneNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizes_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("expected"); // empty: not a number WhatsApp can reach

        QTest::newRow("us national, punctuated")
            << u"(201) 555-0123"_s << u"US"_s << u"+12015550123"_s;
        QTest::newRow("us digits only") << u"2015550123"_s << u"US"_s << u"+12015550123"_s;
        QTest::newRow("us with +1 and spaces")
            << u"+1 312 555 0100"_s << u"US"_s << u"+13125550100"_s;
        QTest::newRow("surrounding whitespace")
            << u"  +1-312-555-0100 \t"_s << u"US"_s << u"+13125550100"_s;
        QTest::newRow("tel uri") << u"tel:+1-201-555-0123"_s << u"US"_s << u"+12015550123"_s;
        QTest::newRow("mexico international")
            << u"+52 55 5555 0100"_s << u"US"_s << u"+525555550100"_s;
        QTest::newRow("spain national, region ES")
            << u"612 345 678"_s << u"ES"_s << u"+34612345678"_s;
        QTest::newRow("region in lower case") << u"612 345 678"_s << u"es"_s << u"+34612345678"_s;
        QTest::newRow("us international dialing prefix")
            << u"011 34 612 345 678"_s << u"US"_s << u"+34612345678"_s;
        QTest::newRow("seven digits, no area code") << u"555-0100"_s << u"US"_s << QString();
        QTest::newRow("too many digits") << u"+1 212 555 01234567"_s << u"US"_s << QString();
        QTest::newRow("with extension") << u"+1 201 555 0123 ext. 45"_s << u"US"_s << QString();
        QTest::newRow("letters") << u"call the front desk"_s << u"US"_s << QString();
        QTest::newRow("empty") << QString() << u"US"_s << QString();
        QTest::newRow("national number, unknown region") << u"2015550123"_s << u"ZZ"_s << QString();
        QTest::newRow("over-long input") << QString(200, u'1') << u"US"_s << QString();
    }

    void normalizes()
    {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, expected);
        const std::optional<QString> e164 = normalizeToE164(input, region);
        if (expected.isEmpty()) {
            QVERIFY(!e164.has_value());
        } else {
            QVERIFY(e164.has_value());
            QCOMPARE(*e164, expected);
        }
    }

    void defaultRegionIsUs()
    {
        QCOMPARE(normalizeToE164(u"201-555-0123"_s).value_or(QString()), u"+12015550123"_s);
    }

    void waId_data()
    {
        QTest::addColumn<QString>("e164");
        QTest::addColumn<QString>("waId");
        QTest::newRow("us") << u"+12015550123"_s << u"12015550123"_s;
        QTest::newRow("mexico") << u"+525555550100"_s << u"525555550100"_s;
        QTest::newRow("no plus") << u"12015550123"_s << u"12015550123"_s;
        QTest::newRow("empty") << QString() << QString();
    }

    void waId()
    {
        QFETCH(QString, e164);
        QFETCH(QString, waId);
        QCOMPARE(waIdFromE164(e164), waId);
    }

    void waIdRoundTripsThroughNormalization()
    {
        // A wa_id from a webhook carries no '+'; adding one must give back the same number.
        const QString waId = waIdFromE164(normalizeToE164(u"(312) 555-0100"_s).value());
        QCOMPARE(normalizeToE164(u'+' + waId).value_or(QString()), u"+13125550100"_s);
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"

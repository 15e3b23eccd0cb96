<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Wardline::CacheKeyStore</name>
    <message>
        <location filename="../app/console/cachekeystore.cpp" line="+56"/>
        <source>This computer holds no key for your local copy; it will be downloaded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No system keychain is available, so Wardline keeps no copy of patient data on this computer and works online only. Ask IT to enable the keyring for your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The system keychain refused access, so Wardline keeps no copy of patient data on this computer. Unlock the keyring and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The system keychain failed (%1), so Wardline keeps no copy of patient data on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Console</name>
    <message>
        <location filename="../app/console/main.cpp" line="+62"/>
        <source>Wardline staff console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interface language: en or es (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hub address to fill in (default: $WARDLINE_HUB_URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PEM file of a certificate authority (or the hub&apos;s own certificate) to trust besides the system&apos;s (default: $WARDLINE_HUB_CA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unknown interface language &quot;%1&quot;. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Console::HubClient</name>
    <message>
        <location filename="../app/console/hubclient.cpp" line="+83"/>
        <source>The hub&apos;s security certificate is not trusted, so Wardline did not send your password. Do not continue: call IT and tell them the hub&apos;s certificate was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The hub at %1 cannot be reached. Check the address and your network; if it is right, the hub may be down: call IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub at %1 answered with an error (%2). Try again; if it persists, call IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The user name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account is locked after too many wrong passwords. Wait 15 minutes, or ask an administrator to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This account is deactivated. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The hub at %1 gave an answer Wardline does not understand. Is this the right address?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The hub answered with an error (%1). Try again; if it persists, call IT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Console::SessionController</name>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="+35"/>
        <source>The password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The local copy could not be opened (%1); Wardline works online only for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The hub answered for another user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Console::SyncEngine</name>
    <message>
        <location filename="../app/console/syncengine.cpp" line="+501"/>
        <location line="+40"/>
        <location line="+173"/>
        <location line="+30"/>
        <source>The local copy could not be updated (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+130"/>
        <source>The hub stopped answering. Wardline keeps trying; meanwhile the inbox shows what it last received.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Role</name>
    <message>
        <location filename="../app/core/role.cpp" line="+18"/>
        <source>Nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receptionist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::Composer</name>
    <message>
        <location filename="../ui/composer.cpp" line="+43"/>
        <source>Fill this in: WhatsApp refuses an empty value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep it on one line: WhatsApp refuses line breaks and tabs here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the extra spaces: WhatsApp refuses more than four in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+259"/>
        <source>Write an internal note for colleagues. The patient never sees it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a reply to the patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reply window: %1 h %2 min left</source>
        <extracomment>The time left in WhatsApp&apos;s 24-hour reply window, e.g. &quot;3 h 12 min&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply window closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>WhatsApp takes at most %n characters in one message.</source>
        <translation>
            <numerusform>WhatsApp takes at most %n character in one message.</numerusform>
            <numerusform>WhatsApp takes at most %n characters in one message.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Value {{%1}}</source>
        <extracomment>A template&apos;s variable, e.g. &quot;{{2}}&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No approved template is available in this language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>The message is too long for WhatsApp (at most %n characters). Shorten the values.</source>
        <translation>
            <numerusform>The message is too long for WhatsApp (at most %n character). Shorten the values.</numerusform>
            <numerusform>The message is too long for WhatsApp (at most %n characters). Shorten the values.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes stay in the record for colleagues and are never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>We have received your refill request. The pharmacy team will confirm when your prescription is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>We have received your appointment request. Reception will write to you with the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your results will be explained by your care team. A nurse will contact you shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A nurse has read your message and will answer you here shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>More than 24 hours have passed since the patient last wrote, so WhatsApp only allows an approved template until they reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the patient will see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Enter sends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::ConversationView</name>
    <message>
        <location filename="../ui/conversationview.cpp" line="+215"/>
        <source>The hub cannot be reached. What you send is kept on this computer and sent once, as soon as the hub is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Claimed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reply window: %1 h %2 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply window closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+108"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Flagged as %1 because the patient wrote: %2</source>
        <extracomment>%1 is the triage category (&quot;Emergency&quot;), %2 the words that decided it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Image from the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a conversation in the inbox to read and answer it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take this conversation: colleagues see that you answer it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::HomeWindow</name>
    <message>
        <location filename="../ui/homewindow.cpp" line="+262"/>
        <location line="+31"/>
        <source>Wardline — locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wardline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in as %1 · %2</source>
        <extracomment>%1 is the staff member&apos;s name, %2 their role (&quot;Nurse&quot;, &quot;Administrator&quot;, ...).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient data kept on this computer is encrypted with a key held in your system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::InboxDelegate</name>
    <message>
        <location filename="../ui/inboxdelegate.cpp" line="+304"/>
        <source>Not claimed</source>
        <extracomment>On an emergency row that no nurse has taken yet.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::InboxFormat</name>
    <message>
        <location filename="../ui/inboxformat.cpp" line="+25"/>
        <location line="+17"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nurse</source>
        <extracomment>Triage category: the patient needs a nurse.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refill</source>
        <extracomment>Triage category: a prescription refill request.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>P%1</source>
        <extracomment>A triage priority: P1 (now) ... P4 (routine).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>now</source>
        <extracomment>Waiting time of a patient who wrote less than a minute ago.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n min</source>
        <extracomment>Waiting time, minutes; keep it short.</extracomment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n h</source>
        <extracomment>Waiting time, hours; keep it short.</extracomment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n d</source>
        <extracomment>Waiting time, days; keep it short.</extracomment>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Overdue</source>
        <extracomment>The response-time target of this conversation has passed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Overdue by %n min</source>
        <translation>
            <numerusform>Overdue by %n min</numerusform>
            <numerusform>Overdue by %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Overdue by %n h</source>
        <translation>
            <numerusform>Overdue by %n h</numerusform>
            <numerusform>Overdue by %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Due in %n min</source>
        <extracomment>Time left to answer within the response-time target.</extracomment>
        <translation>
            <numerusform>Due in %n min</numerusform>
            <numerusform>Due in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Due in %n h</source>
        <extracomment>Time left to answer within the response-time target.</extracomment>
        <translation>
            <numerusform>Due in %n h</numerusform>
            <numerusform>Due in %n h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reply window closed</source>
        <extracomment>WhatsApp&apos;s 24-hour window has closed: only approved templates can be sent.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Reply window: %n min left</source>
        <extracomment>WhatsApp&apos;s 24-hour window: free-form replies are possible for this long.</extracomment>
        <translation>
            <numerusform>Reply window: %n min left</numerusform>
            <numerusform>Reply window: %n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reply window: %n h left</source>
        <extracomment>WhatsApp&apos;s 24-hour window: free-form replies are possible for this long.</extracomment>
        <translation>
            <numerusform>Reply window: %n h left</numerusform>
            <numerusform>Reply window: %n h left</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Window closed</source>
        <extracomment>Short form of &quot;Reply window closed&quot;, for a narrow inbox row.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n min left</source>
        <extracomment>Short form of &quot;Reply window: %n min left&quot;, for a narrow inbox row.</extracomment>
        <translation>
            <numerusform>%n min left</numerusform>
            <numerusform>%n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n h left</source>
        <extracomment>Short form of &quot;Reply window: %n h left&quot;, for a narrow inbox row.</extracomment>
        <translation>
            <numerusform>%n h left</numerusform>
            <numerusform>%n h left</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assigned</source>
        <extracomment>The conversation is assigned to a staff member whose name this user cannot see.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::InboxModel</name>
    <message>
        <location filename="../ui/inboxmodel.cpp" line="+63"/>
        <source>Flagged because: %1</source>
        <extracomment>Tooltip on an inbox row; %1 is the triage engine&apos;s reason, in the patient&apos;s words.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::InboxQueues</name>
    <message>
        <location filename="../ui/inboxqueue.cpp" line="+26"/>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nurses</source>
        <extracomment>The queue of conversations triaged for a nurse.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refills</source>
        <extracomment>The queue of prescription refill requests.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mine</source>
        <extracomment>The queue of conversations assigned to the signed-in staff member.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::InboxWidget</name>
    <message>
        <location filename="../ui/inboxwidget.cpp" line="+335"/>
        <source>Search patients and messages (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Queues</source>
        <extracomment>Heading above the list of inbox queues.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline: the hub cannot be reached. You are seeing the copy kept on this computer; new messages appear when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n emergency conversation(s) waiting to be claimed</source>
        <translation>
            <numerusform>%n emergency conversation waiting to be claimed</numerusform>
            <numerusform>%n emergency conversations waiting to be claimed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversation</numerusform>
            <numerusform>%n conversations</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No conversation matches the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No emergencies are waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No conversations in this queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Search results: %n conversation(s)</source>
        <translation>
            <numerusform>Search results: %n conversation</numerusform>
            <numerusform>Search results: %n conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 · %n conversation(s)</source>
        <extracomment>Title above the conversation list; %1 is the queue&apos;s name.</extracomment>
        <translation>
            <numerusform>%1 · %n conversation</numerusform>
            <numerusform>%1 · %n conversations</numerusform>
        </translation>
    </message>
    <message>
        <location line="+103"/>
        <source>New emergency message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::LockScreen</name>
    <message numerus="yes">
        <location filename="../ui/lockscreen.cpp" line="+142"/>
        <source>The password is wrong. After %n more wrong attempt(s) you will be signed out.</source>
        <translation>
            <numerusform>The password is wrong. After %n more wrong attempt you will be signed out.</numerusform>
            <numerusform>The password is wrong. After %n more wrong attempts you will be signed out.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+32"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+32"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Locked — enter your password to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in as %1</source>
        <extracomment>%1 is the signed-in staff member&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::MessageBubble</name>
    <message>
        <location filename="../ui/messagebubble.cpp" line="+47"/>
        <source>Location: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removed a reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reacted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reacted %1 to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tapped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audio message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A message Wardline cannot show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Internal note — not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal note — not sent · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reply to an earlier message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+118"/>
        <source>Image not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Click to see the full image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>WhatsApp did not deliver this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not delivered: %1 (error %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not delivered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 %2</source>
        <extracomment>A message&apos;s date and time, e.g. &quot;24/11/2026 14:02&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept on this computer; sent when the hub is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not delivered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::Shortcuts</name>
    <message>
        <location filename="../ui/shortcuts.cpp" line="+17"/>
        <source>Next conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>J and K only in the conversation list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Previous conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Claim the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the reply box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search patients and messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lock the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show these shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::ShortcutsHelp</name>
    <message>
        <location filename="../ui/shortcutshelp.cpp" line="+87"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::SignInWindow</name>
    <message>
        <location filename="../ui/signinwindow.cpp" line="+220"/>
        <source>Wardline — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient WhatsApp line — staff console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hub address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://hub.hospital.local:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+43"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-42"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+89"/>
        <source>The console could not switch to %1. It stays in the current language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter the hub address. Your IT department can give it to you if you do not know it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This does not look like a hub address. It starts with https:// followed by the hub&apos;s name, for example https://hub.hospital.local:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter your username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Wardline::CacheKeyStore</name>
    <message>
        <location filename="../app/console/keychain.cpp" line="+86"/>
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
        <location filename="../app/console/main.cpp" line="+57"/>
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
        <location line="+7"/>
        <source>Forget the hub certificate confirmed on this computer for the hub at &lt;url&gt; (after IT replaced it), then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Unknown interface language &quot;%1&quot;. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Console::ConversationClient</name>
    <message>
        <location filename="../app/console/conversationclient.cpp" line="+467"/>
        <source>WhatsApp takes JPEG and PNG pictures of at most 5 MB, with a caption of at most 1,024 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Console::HubClient</name>
    <message>
        <location filename="../app/console/hubclient.cpp" line="+112"/>
        <source>The hub&apos;s security certificate has changed since it was confirmed on this computer, so Wardline did not send your password. Someone may be pretending to be the hub. Do not continue: call IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub&apos;s security certificate is not signed by an authority this computer trusts, so Wardline did not send your password. Compare its fingerprint with the one IT gave you before you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+115"/>
        <source>The hub answered with an error (%1). Try again; if it persists, call IT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Console::SessionController</name>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="+72"/>
        <source>The password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+113"/>
        <source>%1

Your last online sign-in on this computer was more than %2 hours ago, so Wardline cannot let you in offline.</source>
        <extracomment>%1 is why the hub cannot be reached.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Offline: the hub cannot be reached. You are reading this computer&apos;s copy; what you send is kept here and delivered when you sign in to the hub again. The offline session ends at %1.</source>
        <extracomment>Shown all through an offline session. %1 is when the offline session ends.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The user name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The local copy could not be opened (%1); Wardline works online only for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+81"/>
        <location line="+39"/>
        <source>The hub answered for another user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+37"/>
        <source>An administrator reset your password. Sign out, then sign in with the temporary password to choose a new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Console::SyncEngine</name>
    <message>
        <location filename="../app/console/syncengine.cpp" line="+708"/>
        <location line="+203"/>
        <source>The local copy could not be updated (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+120"/>
        <source>The hub stopped answering. Wardline keeps trying; meanwhile the inbox shows what it last received.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Console::TemplateDraft</name>
    <message>
        <location filename="../app/console/templatedraft.cpp" line="+238"/>
        <source>[Image]</source>
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
    <name>Wardline::Ui::AuditDesk</name>
    <message>
        <location filename="../ui/auditdesk.cpp" line="+198"/>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+100"/>
        <source>The newest %n entries are shown; narrow the filters to see older ones.</source>
        <translation>
            <numerusform>Only the newest %n entry is shown; narrow the filters to see older ones.</numerusform>
            <numerusform>The newest %n entries are shown; narrow the filters to see older ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n entries shown.</source>
        <translation>
            <numerusform>%n entry shown.</numerusform>
            <numerusform>%n entries shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The trail is intact: %n entries checked, none altered or missing.</source>
        <translation>
            <numerusform>The trail is intact: %n entry checked, not altered or missing.</numerusform>
            <numerusform>The trail is intact: %n entries checked, none altered or missing.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trail is not intact. First bad entry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The entries could not be saved to %1: %2</source>
        <extracomment>%1 is the file, %2 the system&apos;s reason.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n entries saved to %1.</source>
        <extracomment>%1 is the file.</extracomment>
        <translation>
            <numerusform>%n entry saved to %1.</numerusform>
            <numerusform>%n entries saved to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Number, phone or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every record about the patient: their conversations, appointments, photos and files. Leave it empty to see every patient record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Who did what, to which record, and when. Reading the trail is itself recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wound photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave it empty to see every record of this kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un&amp;til</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify trail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::AuditModel</name>
    <message>
        <location filename="../ui/auditmodel.cpp" line="+78"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::CannedResponsePicker</name>
    <message>
        <location filename="../ui/cannedresponsepicker.cpp" line="+197"/>
        <source>Canned responses: ↑ ↓ to choose, Enter to insert, Esc to close</source>
        <extracomment>%1 is a language&apos;s own name (&quot;Español&quot;). Above the list of saved replies.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canned responses in %1: ↑ ↓ to choose, Enter to insert, Esc to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no canned responses in the patient&apos;s language. An administrator can add them in Site settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No canned response matches. Keep typing, or press Esc.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::CannedResponsesEditor</name>
    <message>
        <location filename="../ui/cannedresponseseditor.cpp" line="+213"/>
        <source>The shortcut starts with / followed by up to 32 lower-case letters, digits, - or _, without spaces, like /directions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is already the shortcut of “%2” in this language. Choose another one.</source>
        <extracomment>%1 is a shortcut like /directions, %2 the title of the response using it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the response a title, so staff recognize it in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Shorten the title to at most %n characters.</source>
        <translation>
            <numerusform>Shorten the title to at most %n character.</numerusform>
            <numerusform>Shorten the title to at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the text the patient will receive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>WhatsApp takes at most %n characters in one message. Shorten the text.</source>
        <translation>
            <numerusform>WhatsApp takes at most %n character in one message. Shorten the text.</numerusform>
            <numerusform>WhatsApp takes at most %n characters in one message. Shorten the text.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wardline cannot fill {%1}. Use only: %2.</source>
        <extracomment>%1 is a placeholder like {first_name}; %2 lists the ones Wardline fills.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Saved. Staff see it in the composer at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved replies staff insert in the composer with the Canned responses button or by typing / and the shortcut. They edit the text before sending it. Changes are written to the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hortcut:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholders filled when staff insert it: {patient_first_name}, {staff_name}, and from the site settings {site_name}, {site_address}, {site_phone}, {emergency_number}. One without a value stays in braces for staff to fill.</source>
        <extracomment>The placeholders keep their English names: {patient_first_name} and so on.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::Composer</name>
    <message>
        <location filename="../ui/composer.cpp" line="+50"/>
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
        <location line="+75"/>
        <source>Attach an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+245"/>
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
        <location line="+14"/>
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
        <location line="+1"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+86"/>
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
        <location line="+65"/>
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
        <source>Canned responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved replies in the patient&apos;s language. You can also type / in the empty reply box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the patient a JPEG or PNG picture of at most 5 MB, with an optional caption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../ui/conversationview.cpp" line="+274"/>
        <source>The hub cannot be reached. What you send is kept on this computer and sent once, as soon as the hub is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+131"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Flagged as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flagged as %1 because the patient wrote: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Show earlier messages (%n more)</source>
        <translation>
            <numerusform>Show earlier messages (%n more)</numerusform>
            <numerusform>Show earlier messages (%n more)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Internal image — never sent to the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image sent to the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Patient details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the patient&apos;s details beside the conversation.</source>
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
        <location filename="../ui/homewindow.cpp" line="+226"/>
        <location line="+266"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+38"/>
        <source>Wardline — locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-26"/>
        <source>The hub answers again. Enter your password to reconnect; what you wrote offline is then sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
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
        <location line="+6"/>
        <source>Patient data kept on this computer is encrypted with a key held in your system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::ImageAttachment</name>
    <message>
        <location filename="../ui/imageattachment.cpp" line="+71"/>
        <source>The file could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This picture is larger than the 5 MB WhatsApp accepts. Make it smaller and attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>WhatsApp only takes JPEG and PNG pictures. Save the picture as one of those and attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 · %2</source>
        <extracomment>The attached picture: its file name and size, e.g. &quot;wound.png · 1.2 MB&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a caption (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture the patient will receive</source>
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
        <location line="+105"/>
        <source>New emergency message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::LockScreen</name>
    <message numerus="yes">
        <location filename="../ui/lockscreen.cpp" line="+144"/>
        <source>The password is wrong. After %n more wrong attempt(s) you will be signed out.</source>
        <translation>
            <numerusform>The password is wrong. After %n more wrong attempt you will be signed out.</numerusform>
            <numerusform>The password is wrong. After %n more wrong attempts you will be signed out.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+41"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+41"/>
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
        <location line="+7"/>
        <source>Loading image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
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
    <name>Wardline::Ui::PasswordChangeDialog</name>
    <message>
        <location filename="../ui/passwordchangedialog.cpp" line="+68"/>
        <source>Choose your own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You signed in with a temporary password. Choose your own password now; nothing else can be done until you do.

It must have at least %1 characters, must not be a dictionary word or close to your user name, and must differ from the temporary one. A short sentence you can remember works well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Changing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+16"/>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>The new password is too short: it needs at least %n characters.</source>
        <translation>
            <numerusform>The new password is too short: it needs at least %n character.</numerusform>
            <numerusform>The new password is too short: it needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two entries are not the same. Type the new password again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::PatientPanel</name>
    <message>
        <location filename="../ui/patientpanel.cpp" line="+54"/>
        <source>%1 %2, %3</source>
        <extracomment>%1 the weekday, %2 the date, %3 the time: &quot;Mon 11/30/26, 2:30 PM&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+1"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>WhatsApp: agreed to messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp: opted out (no automated messages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WhatsApp: not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Upcoming appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No upcoming appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirmed by the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The patient asked to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The recovery pathway and medications are shown to clinical staff only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recovery pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No active recovery pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Post-surgical recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Day %1 after surgery on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surgery on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wound photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pain score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>follow-up visit booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All steps of the pathway are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the patient&apos;s answer: %1 (day %2), sent %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next step: %1 (day %2), due since %3, not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next step: %1 (day %2), due today at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next step: %1 (day %2), due %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open task: a step went unanswered, call the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open task: high pain score, call the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open task: book the follow-up visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No active medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Daily at %1, until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::PermissionsModel</name>
    <message>
        <location filename="../ui/permissionsmodel.cpp" line="+96"/>
        <source>Not saved yet. %1 may: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not saved yet. %1 may not: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 may: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 may not: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Administrators always keep this permission, so the site can never be locked out of its accounts and settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auditors always keep the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditors never take part in care: clinical and sending permissions cannot be given to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Keep an inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read clinical conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read appointment conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write to patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claim and assign conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close and reopen conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add internal notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See patients&apos; photos and documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review post-op photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reschedule appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manage message templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manage staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change site settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export a patient&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the live inbox of the conversations the role may read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conversations about symptoms, medication and results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conversations about appointments, and patients&apos; contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>send replies and templates to patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>claim a conversation, assign or transfer it to a colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close a conversation and open it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write notes that only staff see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the photos and documents patients sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>record the outcome of a post-op photo review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>work the queue of patients who asked for another slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>create templates and submit them for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>create, change, deactivate and unlock accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change the site settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>see who did what, and verify the trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>export everything held about one patient (right of access)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::PhotoReviewDesk</name>
    <message numerus="yes">
        <location filename="../ui/photoreviewdesk.cpp" line="+319"/>
        <source>Photo review (%n)</source>
        <translation>
            <numerusform>Photo review (%n)</numerusform>
            <numerusform>Photo review (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photo review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for review: most urgent, then oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No photos are waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This patient&apos;s photos by post-op day (choose an earlier one to compare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole photo (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn the view a quarter to the left (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn the view a quarter to the right (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the marked-up copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ontrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For viewing only: the photo itself is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag to move the photo; the mouse wheel zooms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag from the centre to draw a circle with the label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag towards what to point at to draw an arrow with the label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label for the next circle or arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the marked-up copy to the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A copy with the marks is kept as an internal note; the photo as received is kept unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Healing as expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs a look by a clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Makes the conversation P1 and alerts every console (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note for the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you saw (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photo under review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier photo for comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This patient&apos;s photos by post-op day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+158"/>
        <source>%1 · %2 · received %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-157"/>
        <location line="+109"/>
        <location line="+49"/>
        <source>Unnamed patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-76"/>
        <source>post-op day unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>post-op day %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>healing as expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs a clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+129"/>
        <source>waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-116"/>
        <source>%1 · %2
%3 · received %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This photo was reviewed on another console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+97"/>
        <source>Loading the photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-94"/>
        <source>This photo could not be downloaded from WhatsApp; ask the patient to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The photo is still downloading; it appears here when it arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a photo from the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>this photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviewed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 (marked-up copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This file is not an image the console can show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose an outcome first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recorded as urgent: the conversation is now P1 and every console is alerted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded: needs a look by a clinician.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded: healing as expected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::RescheduleDesk</name>
    <message numerus="yes">
        <location filename="../ui/rescheduledesk.cpp" line="+239"/>
        <source>Reschedule (%n)</source>
        <extracomment>The reschedule desk&apos;s tab with how many patients wait for a new appointment.</extracomment>
        <translation>
            <numerusform>Reschedule (%n)</numerusform>
            <numerusform>Reschedule (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The reschedule queue could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The new time was sent to %1.</source>
        <extracomment>%1 is the patient&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The appointment of %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 keeps the current appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Nobody is waiting for a new appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the reschedule queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a patient in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current appointment: %1 with %2 at %3</source>
        <extracomment>%1 is the day and time, %2 the provider, %3 the location.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no location)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The patient wrote in the last 24 hours: you may also write to them in the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The patient wrote in the last 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More than 24 hours since the patient last wrote: WhatsApp allows only the approved template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Choose a time in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+8"/>
        <location line="+31"/>
        <source>Cancel appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Cancel the appointment of %1 on %2? The patient is not told automatically.</source>
        <extracomment>%1 is the patient&apos;s name, %2 the appointment&apos;s day and time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Patients who asked for another appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest waiting first. Choose a patient, pick the new time and send it: the patient receives the approved reschedule message and can confirm or ask again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders follow the new time. Times are in this computer&apos;s time zone; the patient reads them in theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send new time to patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep current appointment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::RescheduleModel</name>
    <message numerus="yes">
        <location filename="../ui/reschedulemodel.cpp" line="+58"/>
        <source>waiting %n min</source>
        <extracomment>How long a patient has waited for a new appointment, in minutes.</extracomment>
        <translation>
            <numerusform>waiting %n min</numerusform>
            <numerusform>waiting %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>waiting %n h</source>
        <extracomment>How long a patient has waited for a new appointment, in hours.</extracomment>
        <translation>
            <numerusform>waiting %n h</numerusform>
            <numerusform>waiting %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>waiting %n d</source>
        <extracomment>How long a patient has waited for a new appointment, in days.</extracomment>
        <translation>
            <numerusform>waiting %n d</numerusform>
            <numerusform>waiting %n d</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1, %2</source>
        <extracomment>An appointment&apos;s day and start time, e.g. &quot;12/3/26, 10:00&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, %2–%3</source>
        <extracomment>An appointment&apos;s day, start and end time, e.g. &quot;12/3/26, 10:00–10:30&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Asked for a new time on %1</source>
        <extracomment>%1 is when the patient asked to change the appointment.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::SettingsDesk</name>
    <message>
        <location filename="../ui/settingsdesk.cpp" line="+107"/>
        <location line="+5"/>
        <source>Site settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canned responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings of the whole site, shared by every hub and console. Changes are saved together, take effect at once and are written to the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Emergency reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quiet hours and time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LOCATION reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact for patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service-level targets (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Templates the automations send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consoles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Emergency number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instruction in English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instruction in Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refill requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab-result questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nurse questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screen lock after (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The number patients are told to call in an emergency, like 911 or 112.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent at once when a message reads as an emergency. Write %1 where the emergency number goes. Empty: Wardline&apos;s own text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same for patients who write in Spanish. Write %1 where the emergency number goes. Empty: Wardline&apos;s own text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For patients without a time zone of their own, e.g. America/Chicago. Empty: the hub computer&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No automated non-urgent message is sent from this time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…until this time, in the patient&apos;s local time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A patient who writes LOCATION receives the place&apos;s name, address and a map pin. Empty: no LOCATION reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address under the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number patients may call, filled in where a canned response says {site_phone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the map pin goes, in degrees (north is positive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the map pin goes, in degrees (east is positive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff confirm a refill request within this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A patient hears about their lab-result question within this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A nurse answers a non-urgent clinical question within this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A nurse claims an emergency within this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A console with no keyboard or mouse input for this long locks its screen (at the next sign-in). 0: the hub&apos;s configuration decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+186"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The settings are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing was saved: correct the value marked in red and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was saved: %1</source>
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
        <location filename="../ui/signinwindow.cpp" line="+272"/>
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
        <location line="+48"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+48"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-47"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 fingerprint of the certificate the hub presented:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It matches — &amp;trust this hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It does &amp;not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The password was not changed. Sign in again when you are ready to choose a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
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
<context>
    <name>Wardline::Ui::TemplateAutomations</name>
    <message>
        <location filename="../ui/templateautomations.cpp" line="+39"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Appointment reminder, the day before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointment confirmation request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Medication dose reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After surgery, day 1 check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After surgery, day 3 wound photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After surgery, day 7 pain score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After surgery, day 14 follow-up booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminder of an unanswered step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emergency instruction, when the reply window closed before the hub answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 (not approved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hub note: %1</source>
        <extracomment>%1 is the hub&apos;s description of an automation, in English.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved. The automations send these templates from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the template each automation sends. Only approved templates that take the same values as the built-in one are offered; each patient receives the version in their language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::TemplateBuilder</name>
    <message>
        <location filename="../ui/templatebuilder.cpp" line="+150"/>
        <source>Choose an example image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+137"/>
        <source>Quick reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Open a web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+94"/>
        <source>New language version of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. clinic_closed_notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower-case letters, digits and underscores; patients do not see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WhatsApp&apos;s language code, e.g. en, es or es_MX.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utility (appointments, care instructions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication (one-time codes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbered: {{1}}, {{2}} …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Named: {{first_name}} …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading text (at most 60 characters, one variable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Example value of the heading&apos;s variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose example image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp reviews an image heading with an example picture (JPEG or PNG, at most 5 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+86"/>
        <source>No example image chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+86"/>
        <source>The example image WhatsApp already has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-85"/>
        <source>&amp;Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hello {{1}}, your appointment is on {{2}}. Reply if you need another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, at most 60 characters, no variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the patient sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit to WhatsApp for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button label (at most 25 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+188"/>
        <source>Example of {{%1}}</source>
        <extracomment>The example value of one of the template&apos;s variables, e.g. &quot;Example of {{2}}&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write {{1}} (or {{first_name}}) in the message where a value goes; WhatsApp reviews it with an example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp reviews the template with these examples; they are not sent to patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The example must be a JPEG or PNG picture of at most 5 MB. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · %2</source>
        <extracomment>The chosen example picture: its file name and size, e.g. &quot;clinic.jpg · 240 KB&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number with country code, e.g. +15550100200</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%L1 / %L2</source>
        <extracomment>The message&apos;s length against WhatsApp&apos;s limit, e.g. &quot;120 / 1,024&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Sending the template to the hub…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::TemplateListModel</name>
    <message>
        <location filename="../ui/templatelistmodel.cpp" line="+29"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Being sent for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The format is not valid (variables, examples or layout).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp considered the content abusive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text reads as promotional for its category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>The category does not match the content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>WhatsApp considered the content misleading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patients reported or blocked it too often.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Utility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marketing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::TemplatesDesk</name>
    <message>
        <location filename="../ui/templatesdesk.cpp" line="+113"/>
        <source>Not signed in to the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Templates and WhatsApp review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a language version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the chosen template in another language, with the same name and variables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 (%2) was sent to WhatsApp for review; its status is in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>No templates yet. The hub lists them from WhatsApp when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a template to see its words and its review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>WhatsApp rejected this template without a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp rejected this template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>WhatsApp stopped this template; it cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WhatsApp stopped this template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 · %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::TemporaryPasswordDialog</name>
    <message>
        <location filename="../ui/temporarypassworddialog.cpp" line="+22"/>
        <source>Temporary password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The temporary password of %1 is below. It is shown only this once: give it to the person yourself, never by e-mail or chat. At their first sign-in they must choose their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copies the password; the clipboard is emptied when this window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::UserDialog</name>
    <message>
        <location filename="../ui/userdialog.cpp" line="+18"/>
        <source>Edit account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Wardline makes a temporary password and shows it once. Give it to the person yourself; they choose their own at their first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is your own account: another administrator changes its role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new role takes effect at once: the person is signed out everywhere and signs in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A user name has 2 to 64 letters, digits, dots, dashes or underscores, without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::UsersDesk</name>
    <message>
        <location filename="../ui/usersdesk.cpp" line="+173"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff accounts on this hub. A change takes effect at once and is written to the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by user name, name, role or state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles and permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What each role may do. The hub checks every request against this table and writes each refusal and each change to the audit trail. Give each role only what its work needs; greyed cells cannot be changed (point at one to see why).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reason for the change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Required: you are giving your own role a permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional; kept in the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n change(s) saved. They apply at once, on every console.</source>
        <translation>
            <numerusform>%n change saved. It applies at once, on every console.</numerusform>
            <numerusform>%n changes saved. They apply at once, on every console.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>One of the changes touches a permission that cannot be changed. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A role that reads conversations also needs “Keep an inbox”. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are giving your own role a permission: write the reason, it is kept in the audit trail. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Re&amp;activate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another administrator must change your own access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The account %1 was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The account %1 was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Give %1 a new temporary password? Their current password stops working and they are signed out everywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 has a new temporary password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unlock the account of %1? Do it only when you know it was them who mistyped their password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account %1 is unlocked and may sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reactivate the account of %1? They can sign in again with their password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivate the account of %1? They are signed out everywhere and cannot sign in until an administrator reactivates the account. Nothing they did is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The account %1 is active again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account %1 is deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::UsersModel</name>
    <message>
        <location filename="../ui/usersmodel.cpp" line="+69"/>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::WhatsApp::GraphTemplate</name>
    <message>
        <location filename="../app/whatsapp/graphtemplate.cpp" line="+25"/>
        <source>The template has a field that is not written as {{1}} or {{name}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template&apos;s fields do not match its field style: use {{1}}, {{2}} … for numbered templates and {{name}} for named ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A template heading can have at most one field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+21"/>
        <source>Each field in the template needs an example value for WhatsApp&apos;s review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-12"/>
        <source>The template&apos;s fields must be numbered from {{1}} without gaps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Each button needs a label of at most %L1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A template can have at most two web-link buttons, each with a full address such as https://example.org/visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A template can have one call button, with the number in international form such as +15550100200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template has a button WhatsApp does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The template name may contain only lower-case letters, digits and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template needs a language, for example en_US.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The template&apos;s category must be marketing, utility or authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template&apos;s field style must be numbered or named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The template needs a body text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The template text is %L1 characters long; WhatsApp allows at most %L2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A template heading needs a text of at most %L1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A picture or file heading needs an example file for WhatsApp&apos;s review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A template footer can have at most %L1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A template footer cannot have fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template can have at most %L1 buttons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The template has a part WhatsApp does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template needs exactly one body text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The template can have only one heading and one footer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

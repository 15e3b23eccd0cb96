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
        <location filename="../app/console/main.cpp" line="+54"/>
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
        <location line="+13"/>
        <source>Unknown interface language &quot;%1&quot;. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wardline::Console::HubClient</name>
    <message>
        <location filename="../app/console/hubclient.cpp" line="+56"/>
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
</context>
<context>
    <name>Wardline::Console::SessionController</name>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="+66"/>
        <source>The local copy could not be opened (%1); Wardline works online only for this session.</source>
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
    <name>Wardline::Ui::HomeWindow</name>
    <message>
        <location filename="../ui/homewindow.cpp" line="+99"/>
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
    <message>
        <location line="+7"/>
        <source>The triaged inbox, conversations and the other desks are not part of this build yet.</source>
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

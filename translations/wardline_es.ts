<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Wardline::CacheKeyStore</name>
    <message>
        <location filename="../app/console/cachekeystore.cpp" line="+56"/>
        <source>This computer holds no key for your local copy; it will be downloaded again.</source>
        <translation>Este equipo no tiene la clave de su copia local; se descargará de nuevo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No system keychain is available, so Wardline keeps no copy of patient data on this computer and works online only. Ask IT to enable the keyring for your account.</source>
        <translation>No hay un llavero del sistema disponible, así que Wardline no guarda ninguna copia de datos de pacientes en este equipo y solo funciona en línea. Pida al departamento de TI que active el llavero para su cuenta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The system keychain refused access, so Wardline keeps no copy of patient data on this computer. Unlock the keyring and sign in again.</source>
        <translation>El llavero del sistema negó el acceso, así que Wardline no guarda ninguna copia de datos de pacientes en este equipo. Desbloquee el llavero e inicie sesión de nuevo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The system keychain failed (%1), so Wardline keeps no copy of patient data on this computer.</source>
        <translation>El llavero del sistema falló (%1), así que Wardline no guarda ninguna copia de datos de pacientes en este equipo.</translation>
    </message>
</context>
<context>
    <name>Wardline::Console</name>
    <message>
        <location filename="../app/console/main.cpp" line="+54"/>
        <source>Wardline staff console.</source>
        <translation>Consola del personal de Wardline.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interface language: en or es (default: the system&apos;s).</source>
        <translation>Idioma de la interfaz: en o es (predeterminado: el del sistema).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hub address to fill in (default: $WARDLINE_HUB_URL).</source>
        <translation>Dirección del hub que aparecerá ya escrita (predeterminada: $WARDLINE_HUB_URL).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PEM file of a certificate authority (or the hub&apos;s own certificate) to trust besides the system&apos;s (default: $WARDLINE_HUB_CA).</source>
        <translation>Archivo PEM de una autoridad de certificación (o el certificado del propio hub) en la que confiar además de las del sistema (predeterminado: $WARDLINE_HUB_CA).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unknown interface language &quot;%1&quot;. Use one of: %2.</source>
        <translation>El idioma de interfaz «%1» no existe. Use uno de estos: %2.</translation>
    </message>
</context>
<context>
    <name>Wardline::Console::HubClient</name>
    <message>
        <location filename="../app/console/hubclient.cpp" line="+56"/>
        <source>The hub&apos;s security certificate is not trusted, so Wardline did not send your password. Do not continue: call IT and tell them the hub&apos;s certificate was refused.</source>
        <translation>El certificado de seguridad del hub no es de confianza, así que Wardline no envió su contraseña. No continúe: llame al departamento de TI e indique que se rechazó el certificado del hub.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The hub at %1 cannot be reached. Check the address and your network; if it is right, the hub may be down: call IT.</source>
        <translation>No se puede conectar con el hub en %1. Revise la dirección y la red; si son correctas, puede que el hub esté caído: llame al departamento de TI.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub at %1 answered with an error (%2). Try again; if it persists, call IT.</source>
        <translation>El hub en %1 respondió con un error (%2). Vuelva a intentarlo; si el problema continúa, llame al departamento de TI.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The user name or password is wrong.</source>
        <translation>El usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account is locked after too many wrong passwords. Wait 15 minutes, or ask an administrator to unlock it.</source>
        <translation>Esta cuenta está bloqueada por demasiados intentos con una contraseña incorrecta. Espere 15 minutos o pida a un administrador que la desbloquee.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This account is deactivated. Ask an administrator.</source>
        <translation>Esta cuenta está desactivada. Consulte con un administrador.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The hub at %1 gave an answer Wardline does not understand. Is this the right address?</source>
        <translation>El hub en %1 dio una respuesta que Wardline no entiende. ¿Es la dirección correcta?</translation>
    </message>
</context>
<context>
    <name>Wardline::Console::SessionController</name>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="+66"/>
        <source>The local copy could not be opened (%1); Wardline works online only for this session.</source>
        <translation>No se pudo abrir la copia local (%1); en esta sesión Wardline solo funciona en línea.</translation>
    </message>
</context>
<context>
    <name>Wardline::Role</name>
    <message>
        <location filename="../app/core/role.cpp" line="+18"/>
        <source>Nurse</source>
        <translation>Enfermero(a)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receptionist</source>
        <translation>Recepcionista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Physician</source>
        <translation>Médico(a)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrador(a)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditor</source>
        <translation>Auditor(a)</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::HomeWindow</name>
    <message>
        <location filename="../ui/homewindow.cpp" line="+99"/>
        <source>Wardline</source>
        <translation>Wardline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in as %1 · %2</source>
        <extracomment>%1 is the staff member&apos;s name, %2 their role (&quot;Nurse&quot;, &quot;Administrator&quot;, ...).</extracomment>
        <translation>Sesión iniciada como %1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient data kept on this computer is encrypted with a key held in your system keychain.</source>
        <translation>Los datos de pacientes guardados en este equipo están cifrados con una clave que se conserva en el llavero del sistema.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The triaged inbox, conversations and the other desks are not part of this build yet.</source>
        <translation>La bandeja de entrada clasificada, las conversaciones y los demás módulos aún no forman parte de esta versión.</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::SignInWindow</name>
    <message>
        <location filename="../ui/signinwindow.cpp" line="+220"/>
        <source>Wardline — Sign in</source>
        <translation>Wardline — Iniciar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient WhatsApp line — staff console</source>
        <translation>Línea de WhatsApp para pacientes — consola del personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hub address</source>
        <translation>&amp;Dirección del hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://hub.hospital.local:8443</source>
        <translation>https://hub.hospital.local:8443</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+43"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>The console could not switch to %1. It stays in the current language.</source>
        <translation>La consola no pudo cambiar a %1. Seguirá en el idioma actual.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter the hub address. Your IT department can give it to you if you do not know it.</source>
        <translation>Ingrese la dirección del hub. Si no la conoce, su departamento de TI se la puede proporcionar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This does not look like a hub address. It starts with https:// followed by the hub&apos;s name, for example https://hub.hospital.local:8443.</source>
        <translation>Esto no parece una dirección de hub. Comienza con https:// seguido del nombre del hub, por ejemplo https://hub.hospital.local:8443.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter your username.</source>
        <translation>Ingrese su nombre de usuario.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your password.</source>
        <translation>Ingrese su contraseña.</translation>
    </message>
</context>
</TS>

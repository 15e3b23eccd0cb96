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
        <location filename="../app/console/main.cpp" line="+45"/>
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
        <location line="+10"/>
        <source>Unknown interface language &quot;%1&quot;. Use one of: %2.</source>
        <translation>El idioma de interfaz «%1» no existe. Use uno de estos: %2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
</context>
<context>
    <name>Wardline::Role</name>
    <message>
        <location filename="../app/core/role.cpp" line="+17"/>
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
    <name>Wardline::Ui::SignInWindow</name>
    <message>
        <location filename="../ui/signinwindow.cpp" line="+215"/>
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
        <location line="+38"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+38"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The console could not switch to %1. It stays in the current language.</source>
        <translation>La consola no pudo cambiar a %1. Seguirá en el idioma actual.</translation>
    </message>
    <message>
        <location line="+29"/>
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

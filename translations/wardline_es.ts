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
        <location filename="../app/console/main.cpp" line="+60"/>
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
        <location line="+19"/>
        <source>Unknown interface language &quot;%1&quot;. Use one of: %2.</source>
        <translation>El idioma de interfaz «%1» no existe. Use uno de estos: %2.</translation>
    </message>
</context>
<context>
    <name>Wardline::Console::HubClient</name>
    <message>
        <location filename="../app/console/hubclient.cpp" line="+83"/>
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
    <message>
        <location line="+63"/>
        <source>The hub answered with an error (%1). Try again; if it persists, call IT.</source>
        <translation>El hub respondió con un error (%1). Vuelva a intentarlo; si el problema continúa, llame al departamento de TI.</translation>
    </message>
</context>
<context>
    <name>Wardline::Console::SessionController</name>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="+35"/>
        <source>The password is wrong.</source>
        <translation>La contraseña no es correcta.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The local copy could not be opened (%1); Wardline works online only for this session.</source>
        <translation>No se pudo abrir la copia local (%1); en esta sesión Wardline solo funciona en línea.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The hub answered for another user.</source>
        <translation>El servidor central respondió por otro usuario.</translation>
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
        <translation>No se pudo actualizar la copia local (%1).</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>The hub stopped answering. Wardline keeps trying; meanwhile the inbox shows what it last received.</source>
        <translation>El hub dejó de responder. Wardline sigue intentándolo; mientras tanto, la bandeja de entrada muestra lo último que recibió.</translation>
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
        <location filename="../ui/homewindow.cpp" line="+240"/>
        <location line="+31"/>
        <source>Wardline — locked</source>
        <translation>Wardline — bloqueado</translation>
    </message>
    <message>
        <location line="+0"/>
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
</context>
<context>
    <name>Wardline::Ui::InboxDelegate</name>
    <message>
        <location filename="../ui/inboxdelegate.cpp" line="+304"/>
        <source>Not claimed</source>
        <extracomment>On an emergency row that no nurse has taken yet.</extracomment>
        <translation>Sin atender</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::InboxFormat</name>
    <message>
        <location filename="../ui/inboxformat.cpp" line="+25"/>
        <location line="+17"/>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Emergency</source>
        <translation>Emergencia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nurse</source>
        <extracomment>Triage category: the patient needs a nurse.</extracomment>
        <translation>Enfermería</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refill</source>
        <extracomment>Triage category: a prescription refill request.</extracomment>
        <translation>Receta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab results</source>
        <translation>Laboratorio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>P%1</source>
        <extracomment>A triage priority: P1 (now) ... P4 (routine).</extracomment>
        <translation>P%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>now</source>
        <extracomment>Waiting time of a patient who wrote less than a minute ago.</extracomment>
        <translation>ahora</translation>
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
        <translation>Vencido</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Overdue by %n min</source>
        <translation>
            <numerusform>Vencido hace %n min</numerusform>
            <numerusform>Vencido hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Overdue by %n h</source>
        <translation>
            <numerusform>Vencido hace %n h</numerusform>
            <numerusform>Vencido hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Due in %n min</source>
        <extracomment>Time left to answer within the response-time target.</extracomment>
        <translation>
            <numerusform>Vence en %n min</numerusform>
            <numerusform>Vence en %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Due in %n h</source>
        <extracomment>Time left to answer within the response-time target.</extracomment>
        <translation>
            <numerusform>Vence en %n h</numerusform>
            <numerusform>Vence en %n h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reply window closed</source>
        <extracomment>WhatsApp&apos;s 24-hour window has closed: only approved templates can be sent.</extracomment>
        <translation>Ventana de respuesta cerrada</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Reply window: %n min left</source>
        <extracomment>WhatsApp&apos;s 24-hour window: free-form replies are possible for this long.</extracomment>
        <translation>
            <numerusform>Ventana de respuesta: queda %n min</numerusform>
            <numerusform>Ventana de respuesta: quedan %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reply window: %n h left</source>
        <extracomment>WhatsApp&apos;s 24-hour window: free-form replies are possible for this long.</extracomment>
        <translation>
            <numerusform>Ventana de respuesta: queda %n h</numerusform>
            <numerusform>Ventana de respuesta: quedan %n h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Window closed</source>
        <extracomment>Short form of &quot;Reply window closed&quot;, for a narrow inbox row.</extracomment>
        <translation>Ventana cerrada</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n min left</source>
        <extracomment>Short form of &quot;Reply window: %n min left&quot;, for a narrow inbox row.</extracomment>
        <translation>
            <numerusform>queda %n min</numerusform>
            <numerusform>quedan %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n h left</source>
        <extracomment>Short form of &quot;Reply window: %n h left&quot;, for a narrow inbox row.</extracomment>
        <translation>
            <numerusform>queda %n h</numerusform>
            <numerusform>quedan %n h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assigned</source>
        <extracomment>The conversation is assigned to a staff member whose name this user cannot see.</extracomment>
        <translation>Asignada</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::InboxModel</name>
    <message>
        <location filename="../ui/inboxmodel.cpp" line="+63"/>
        <source>Flagged because: %1</source>
        <extracomment>Tooltip on an inbox row; %1 is the triage engine&apos;s reason, in the patient&apos;s words.</extracomment>
        <translation>Motivo de la clasificación: %1</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::InboxQueues</name>
    <message>
        <location filename="../ui/inboxqueue.cpp" line="+26"/>
        <source>Emergency</source>
        <translation>Emergencias</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nurses</source>
        <extracomment>The queue of conversations triaged for a nurse.</extracomment>
        <translation>Enfermería</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refills</source>
        <extracomment>The queue of prescription refill requests.</extracomment>
        <translation>Recetas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab results</source>
        <translation>Resultados de laboratorio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mine</source>
        <extracomment>The queue of conversations assigned to the signed-in staff member.</extracomment>
        <translation>Asignadas a mí</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All open</source>
        <translation>Todas las abiertas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Cerradas</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::InboxWidget</name>
    <message>
        <location filename="../ui/inboxwidget.cpp" line="+335"/>
        <source>Search patients and messages (Ctrl+F)</source>
        <translation>Buscar pacientes y mensajes (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Queues</source>
        <extracomment>Heading above the list of inbox queues.</extracomment>
        <translation>&amp;Colas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the queue</source>
        <translation>Volver a la cola</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline: the hub cannot be reached. You are seeing the copy kept on this computer; new messages appear when the connection is back.</source>
        <translation>Sin conexión: no se puede conectar con el hub. Está viendo la copia guardada en este equipo; los mensajes nuevos aparecerán cuando vuelva la conexión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n emergency conversation(s) waiting to be claimed</source>
        <translation>
            <numerusform>%n conversación de emergencia espera que alguien la atienda</numerusform>
            <numerusform>%n conversaciones de emergencia esperan que alguien las atienda</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversación</numerusform>
            <numerusform>%n conversaciones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No conversation matches the search.</source>
        <translation>Ninguna conversación coincide con la búsqueda.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No emergencies are waiting.</source>
        <translation>No hay emergencias en espera.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No conversations in this queue.</source>
        <translation>No hay conversaciones en esta cola.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Search results: %n conversation(s)</source>
        <translation>
            <numerusform>Resultados de la búsqueda: %n conversación</numerusform>
            <numerusform>Resultados de la búsqueda: %n conversaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 · %n conversation(s)</source>
        <extracomment>Title above the conversation list; %1 is the queue&apos;s name.</extracomment>
        <translation>
            <numerusform>%1 · %n conversación</numerusform>
            <numerusform>%1 · %n conversaciones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+103"/>
        <source>New emergency message</source>
        <translation>Nuevo mensaje de emergencia</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::LockScreen</name>
    <message numerus="yes">
        <location filename="../ui/lockscreen.cpp" line="+142"/>
        <source>The password is wrong. After %n more wrong attempt(s) you will be signed out.</source>
        <translation>
            <numerusform>La contraseña no es correcta. Tras %n intento fallido más se cerrará la sesión.</numerusform>
            <numerusform>La contraseña no es correcta. Tras %n intentos fallidos más se cerrará la sesión.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+32"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+32"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Locked — enter your password to continue</source>
        <translation>Bloqueado: escriba su contraseña para continuar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in as %1</source>
        <extracomment>%1 is the signed-in staff member&apos;s name.</extracomment>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::Shortcuts</name>
    <message>
        <location filename="../ui/shortcuts.cpp" line="+17"/>
        <source>Next conversation</source>
        <translation>Conversación siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>J and K only in the conversation list</source>
        <translation>J y K solo en la lista de conversaciones</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Previous conversation</source>
        <translation>Conversación anterior</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next emergency</source>
        <translation>Siguiente urgencia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Claim the conversation</source>
        <translation>Asignarse la conversación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write a reply</source>
        <translation>Escribir una respuesta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send the reply</source>
        <translation>Enviar la respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the reply box</source>
        <translation>En el cuadro de respuesta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search patients and messages</source>
        <translation>Buscar pacientes y mensajes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lock the console</source>
        <translation>Bloquear la consola</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show these shortcuts</source>
        <translation>Mostrar estos atajos</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::ShortcutsHelp</name>
    <message>
        <location filename="../ui/shortcutshelp.cpp" line="+87"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Cerrar</translation>
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

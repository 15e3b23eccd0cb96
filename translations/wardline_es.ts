<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Wardline::CacheKeyStore</name>
    <message>
        <location filename="../app/console/keychain.cpp" line="+86"/>
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
        <location filename="../app/console/main.cpp" line="+57"/>
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
        <location line="+7"/>
        <source>Forget the hub certificate confirmed on this computer for the hub at &lt;url&gt; (after IT replaced it), then exit.</source>
        <translation>Olvida el certificado confirmado en este equipo para el hub de &lt;url&gt; (después de que informática lo haya sustituido) y termina.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Unknown interface language &quot;%1&quot;. Use one of: %2.</source>
        <translation>El idioma de interfaz «%1» no existe. Use uno de estos: %2.</translation>
    </message>
</context>
<context>
    <name>Wardline::Console::ConversationClient</name>
    <message>
        <location filename="../app/console/conversationclient.cpp" line="+467"/>
        <source>WhatsApp takes JPEG and PNG pictures of at most 5 MB, with a caption of at most 1,024 characters.</source>
        <translation>WhatsApp acepta imágenes JPEG y PNG de 5 MB como máximo, con un pie de foto de 1024 caracteres como máximo.</translation>
    </message>
</context>
<context>
    <name>Wardline::Console::HubClient</name>
    <message>
        <location filename="../app/console/hubclient.cpp" line="+112"/>
        <source>The hub&apos;s security certificate has changed since it was confirmed on this computer, so Wardline did not send your password. Someone may be pretending to be the hub. Do not continue: call IT.</source>
        <translation>El certificado de seguridad del hub ha cambiado desde que se confirmó en este equipo, así que Wardline no ha enviado su contraseña. Alguien podría estar haciéndose pasar por el hub. No continúe: llame al servicio de informática.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub&apos;s security certificate is not signed by an authority this computer trusts, so Wardline did not send your password. Compare its fingerprint with the one IT gave you before you trust it.</source>
        <translation>El certificado de seguridad del hub no está firmado por una autoridad en la que este equipo confíe, así que Wardline no ha enviado su contraseña. Compare su huella con la que le dio el servicio de informática antes de confiar en él.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+115"/>
        <source>The hub answered with an error (%1). Try again; if it persists, call IT.</source>
        <translation>El hub respondió con un error (%1). Vuelva a intentarlo; si el problema continúa, llame al departamento de TI.</translation>
    </message>
</context>
<context>
    <name>Wardline::Console::SessionController</name>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="+72"/>
        <source>The password is wrong.</source>
        <translation>La contraseña no es correcta.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>%1

Your last online sign-in on this computer was more than %2 hours ago, so Wardline cannot let you in offline.</source>
        <extracomment>%1 is why the hub cannot be reached.</extracomment>
        <translation>%1

Su último inicio de sesión en línea en este equipo fue hace más de %2 horas, así que Wardline no puede dejarle entrar sin conexión.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Offline: the hub cannot be reached. You are reading this computer&apos;s copy; what you send is kept here and delivered when you sign in to the hub again. The offline session ends at %1.</source>
        <extracomment>Shown all through an offline session. %1 is when the offline session ends.</extracomment>
        <translation>Sin conexión: no se puede contactar con el hub. Está viendo la copia de este equipo; lo que envíe se guarda aquí y se entrega cuando vuelva a iniciar sesión en el hub. La sesión sin conexión termina a las %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The user name or password is wrong.</source>
        <translation>El usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The local copy could not be opened (%1); Wardline works online only for this session.</source>
        <translation>No se pudo abrir la copia local (%1); en esta sesión Wardline solo funciona en línea.</translation>
    </message>
    <message>
        <location line="+81"/>
        <location line="+39"/>
        <source>The hub answered for another user.</source>
        <translation>El servidor central respondió por otro usuario.</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+37"/>
        <source>An administrator reset your password. Sign out, then sign in with the temporary password to choose a new one.</source>
        <translation>Un administrador restableció su contraseña. Cierre la sesión y vuelva a iniciarla con la contraseña temporal para elegir una nueva.</translation>
    </message>
</context>
<context>
    <name>Wardline::Console::SyncEngine</name>
    <message>
        <location filename="../app/console/syncengine.cpp" line="+708"/>
        <location line="+203"/>
        <source>The local copy could not be updated (%1).</source>
        <translation>No se pudo actualizar la copia local (%1).</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>The hub stopped answering. Wardline keeps trying; meanwhile the inbox shows what it last received.</source>
        <translation>El hub dejó de responder. Wardline sigue intentándolo; mientras tanto, la bandeja de entrada muestra lo último que recibió.</translation>
    </message>
</context>
<context>
    <name>Wardline::Console::TemplateDraft</name>
    <message>
        <location filename="../app/console/templatedraft.cpp" line="+238"/>
        <source>[Image]</source>
        <translation>[Imagen]</translation>
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
    <name>Wardline::Ui::AuditDesk</name>
    <message>
        <location filename="../ui/auditdesk.cpp" line="+198"/>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message numerus="yes">
        <location line="+100"/>
        <source>The newest %n entries are shown; narrow the filters to see older ones.</source>
        <translation>
            <numerusform>Solo se muestra %n entrada, la más reciente; acote los filtros para ver las anteriores.</numerusform>
            <numerusform>Se muestran las %n entradas más recientes; acote los filtros para ver las anteriores.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n entries shown.</source>
        <translation>
            <numerusform>Se muestra %n entrada.</numerusform>
            <numerusform>Se muestran %n entradas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The trail is intact: %n entries checked, none altered or missing.</source>
        <translation>
            <numerusform>El registro está íntegro: se ha comprobado %n entrada y no está alterada ni falta.</numerusform>
            <numerusform>El registro está íntegro: se han comprobado %n entradas y no falta ni se ha alterado ninguna.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trail is not intact. First bad entry: %1</source>
        <translation>El registro no está íntegro. Primera entrada incorrecta: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export audit entries</source>
        <translation>Exportar entradas de auditoría</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The entries could not be saved to %1: %2</source>
        <extracomment>%1 is the file, %2 the system&apos;s reason.</extracomment>
        <translation>No se pudieron guardar las entradas en %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n entries saved to %1.</source>
        <extracomment>%1 is the file.</extracomment>
        <translation>
            <numerusform>Se ha guardado %n entrada en %1.</numerusform>
            <numerusform>Se han guardado %n entradas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Number, phone or name</source>
        <translation>Número, teléfono o nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every record about the patient: their conversations, appointments, photos and files. Leave it empty to see every patient record.</source>
        <translation>Todos los registros sobre el paciente: sus conversaciones, citas, fotos y archivos. Déjelo vacío para ver todos los registros de pacientes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Who did what, to which record, and when. Reading the trail is itself recorded.</source>
        <translation>Quién hizo qué, sobre qué registro y cuándo. Consultar este registro también queda registrado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any user</source>
        <translation>Cualquier usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Action</source>
        <translation>&amp;Acción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any action</source>
        <translation>Cualquier acción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registro</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any record</source>
        <translation>Cualquier registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wound photo</source>
        <translation>Foto de herida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media file</source>
        <translation>Archivo multimedia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff account</source>
        <translation>Cuenta de personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave it empty to see every record of this kind.</source>
        <translation>Déjelo vacío para ver todos los registros de este tipo.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un&amp;til</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>Borrar filtros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify trail</source>
        <translation>&amp;Verificar registro</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::AuditModel</name>
    <message>
        <location filename="../ui/auditmodel.cpp" line="+78"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::CannedResponsePicker</name>
    <message>
        <location filename="../ui/cannedresponsepicker.cpp" line="+197"/>
        <source>Canned responses: ↑ ↓ to choose, Enter to insert, Esc to close</source>
        <extracomment>%1 is a language&apos;s own name (&quot;Español&quot;). Above the list of saved replies.</extracomment>
        <translation>Respuestas predefinidas: ↑ ↓ para elegir, Intro para insertar, Esc para cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canned responses in %1: ↑ ↓ to choose, Enter to insert, Esc to close</source>
        <translation>Respuestas predefinidas en %1: ↑ ↓ para elegir, Intro para insertar, Esc para cerrar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no canned responses in the patient&apos;s language. An administrator can add them in Site settings.</source>
        <translation>No hay respuestas predefinidas en el idioma del paciente. Un administrador puede añadirlas en Ajustes del centro.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No canned response matches. Keep typing, or press Esc.</source>
        <translation>Ninguna respuesta predefinida coincide. Siga escribiendo o pulse Esc.</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::CannedResponsesEditor</name>
    <message>
        <location filename="../ui/cannedresponseseditor.cpp" line="+213"/>
        <source>The shortcut starts with / followed by up to 32 lower-case letters, digits, - or _, without spaces, like /directions.</source>
        <translation>El atajo empieza por / seguido de hasta 32 letras minúsculas, cifras, - o _, sin espacios, como /directions.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is already the shortcut of “%2” in this language. Choose another one.</source>
        <extracomment>%1 is a shortcut like /directions, %2 the title of the response using it.</extracomment>
        <translation>%1 ya es el atajo de «%2» en este idioma. Elija otro.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the response a title, so staff recognize it in the list.</source>
        <translation>Póngale un título a la respuesta para que el personal la reconozca en la lista.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Shorten the title to at most %n characters.</source>
        <translation>
            <numerusform>Acorte el título a %n caracteres como máximo.</numerusform>
            <numerusform>Acorte el título a %n caracteres como máximo.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the text the patient will receive.</source>
        <translation>Escriba el texto que recibirá el paciente.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>WhatsApp takes at most %n characters in one message. Shorten the text.</source>
        <translation>
            <numerusform>WhatsApp admite como máximo %n caracteres en un mensaje. Acorte el texto.</numerusform>
            <numerusform>WhatsApp admite como máximo %n caracteres en un mensaje. Acorte el texto.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wardline cannot fill {%1}. Use only: %2.</source>
        <extracomment>%1 is a placeholder like {first_name}; %2 lists the ones Wardline fills.</extracomment>
        <translation>Wardline no puede rellenar {%1}. Use solo: %2.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Saved. Staff see it in the composer at once.</source>
        <translation>Guardada. El personal ya la tiene disponible al responder a los pacientes.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Deleted.</source>
        <translation>Eliminada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved replies staff insert in the composer with the Canned responses button or by typing / and the shortcut. They edit the text before sending it. Changes are written to the audit trail.</source>
        <translation>Respuestas guardadas que el personal inserta en el cuadro de respuesta con el botón Respuestas predefinidas o escribiendo / y el atajo. El texto se revisa antes de enviarlo. Los cambios quedan registrados en la auditoría.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hortcut:</source>
        <translation>A&amp;tajo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>T&amp;ítulo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xto:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholders filled when staff insert it: {patient_first_name}, {staff_name}, and from the site settings {site_name}, {site_address}, {site_phone}, {emergency_number}. One without a value stays in braces for staff to fill.</source>
        <extracomment>The placeholders keep their English names: {patient_first_name} and so on.</extracomment>
        <translation>Marcadores que se rellenan al insertarla: {patient_first_name}, {staff_name} y, de los ajustes del centro, {site_name}, {site_address}, {site_phone}, {emergency_number}. Si uno no tiene valor, queda entre llaves para que el personal lo complete.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New</source>
        <translation>&amp;Nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save response</source>
        <translation>&amp;Guardar respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::Composer</name>
    <message>
        <location filename="../ui/composer.cpp" line="+50"/>
        <source>Fill this in: WhatsApp refuses an empty value.</source>
        <translation>Rellene este campo: WhatsApp no acepta un valor vacío.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep it on one line: WhatsApp refuses line breaks and tabs here.</source>
        <translation>Escríbalo en una sola línea: WhatsApp no acepta saltos de línea ni tabulaciones aquí.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the extra spaces: WhatsApp refuses more than four in a row.</source>
        <translation>Quite los espacios de más: WhatsApp no acepta más de cuatro seguidos.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Attach an image</source>
        <translation>Adjuntar una imagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location line="+245"/>
        <source>Write an internal note for colleagues. The patient never sees it.</source>
        <translation>Escriba una nota interna para sus compañeros. El paciente nunca la ve.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a reply to the patient…</source>
        <translation>Escriba una respuesta al paciente…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reply window: %1 h %2 min left</source>
        <extracomment>The time left in WhatsApp&apos;s 24-hour reply window, e.g. &quot;3 h 12 min&quot;.</extracomment>
        <translation>Ventana de respuesta: quedan %1 h %2 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply window closed</source>
        <translation>Ventana de respuesta cerrada</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>WhatsApp takes at most %n characters in one message.</source>
        <translation>
            <numerusform>WhatsApp admite como máximo %n carácter por mensaje.</numerusform>
            <numerusform>WhatsApp admite como máximo %n caracteres por mensaje.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send image</source>
        <translation>Enviar imagen</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Value {{%1}}</source>
        <extracomment>A template&apos;s variable, e.g. &quot;{{2}}&quot;.</extracomment>
        <translation>Valor {{%1}}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No approved template is available in this language.</source>
        <translation>No hay ninguna plantilla aprobada en este idioma.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>The message is too long for WhatsApp (at most %n characters). Shorten the values.</source>
        <translation>
            <numerusform>El mensaje es demasiado largo para WhatsApp (como máximo %n carácter). Acorte los valores.</numerusform>
            <numerusform>El mensaje es demasiado largo para WhatsApp (como máximo %n caracteres). Acorte los valores.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal note</source>
        <translation>Nota interna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes stay in the record for colleagues and are never sent.</source>
        <translation>Las notas quedan en el historial para sus compañeros y nunca se envían.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick replies</source>
        <translation>Respuestas rápidas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>We have received your refill request. The pharmacy team will confirm when your prescription is ready.</source>
        <translation>Hemos recibido su solicitud de reposición. El equipo de farmacia le confirmará cuando su receta esté lista.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>We have received your appointment request. Reception will write to you with the options.</source>
        <translation>Hemos recibido su solicitud de cita. Recepción le escribirá con las opciones disponibles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your results will be explained by your care team. A nurse will contact you shortly.</source>
        <translation>Su equipo de atención le explicará los resultados. Una enfermera se pondrá en contacto con usted en breve.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A nurse has read your message and will answer you here shortly.</source>
        <translation>Una enfermera ha leído su mensaje y le responderá por aquí en breve.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>More than 24 hours have passed since the patient last wrote, so WhatsApp only allows an approved template until they reply.</source>
        <translation>Han pasado más de 24 horas desde el último mensaje del paciente, así que WhatsApp solo permite enviar una plantilla aprobada hasta que responda.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a template</source>
        <translation>Elegir una plantilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canned responses</source>
        <translation>Respuestas predefinidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved replies in the patient&apos;s language. You can also type / in the empty reply box.</source>
        <translation>Respuestas guardadas en el idioma del paciente. También puede escribir / en el cuadro de respuesta vacío.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach image</source>
        <translation>Adjuntar imagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the patient a JPEG or PNG picture of at most 5 MB, with an optional caption.</source>
        <translation>Envíe al paciente una imagen JPEG o PNG de 5 MB como máximo, con un pie de foto opcional.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template:</source>
        <translation>Plantilla:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the patient will see</source>
        <translation>Lo que verá el paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send template</source>
        <translation>Enviar plantilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Enter sends.</source>
        <translation>Ctrl+Intro envía el mensaje.</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::ConversationView</name>
    <message>
        <location filename="../ui/conversationview.cpp" line="+274"/>
        <source>The hub cannot be reached. What you send is kept on this computer and sent once, as soon as the hub is back.</source>
        <translation>No se puede conectar con el hub. Lo que envíe se guarda en este equipo y se enviará una sola vez en cuanto el hub vuelva a estar disponible.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Claimed by %1</source>
        <translation>Asignada a %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reply window: %1 h %2 min left</source>
        <translation>Ventana de respuesta: quedan %1 h %2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply window closed</source>
        <translation>Ventana de respuesta cerrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+131"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Flagged as %1</source>
        <translation>Marcada como %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flagged as %1 because the patient wrote: %2</source>
        <translation>Marcada como %1 porque el paciente escribió: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Show earlier messages (%n more)</source>
        <translation>
            <numerusform>Mostrar mensajes anteriores (%n más)</numerusform>
            <numerusform>Mostrar mensajes anteriores (%n más)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Internal image — never sent to the patient</source>
        <translation>Imagen interna: nunca se envía al paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image sent to the patient</source>
        <translation>Imagen enviada al paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image from the patient</source>
        <translation>Imagen del paciente</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a conversation in the inbox to read and answer it.</source>
        <translation>Elija una conversación en la bandeja de entrada para leerla y responderla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim</source>
        <translation>Asignarme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient details</source>
        <translation>Datos del paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the patient&apos;s details beside the conversation.</source>
        <translation>Muestra u oculta los datos del paciente junto a la conversación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take this conversation: colleagues see that you answer it.</source>
        <translation>Quedarse con esta conversación: sus compañeros verán que la atiende usted.</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::HomeWindow</name>
    <message>
        <location filename="../ui/homewindow.cpp" line="+226"/>
        <location line="+266"/>
        <source>Inbox</source>
        <translation>Bandeja de entrada</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+38"/>
        <source>Wardline — locked</source>
        <translation>Wardline — bloqueado</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>The hub answers again. Enter your password to reconnect; what you wrote offline is then sent.</source>
        <translation>El hub vuelve a responder. Escriba su contraseña para reconectarse; lo que escribió sin conexión se enviará entonces.</translation>
    </message>
    <message>
        <location line="+26"/>
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
        <location line="+6"/>
        <source>Patient data kept on this computer is encrypted with a key held in your system keychain.</source>
        <translation>Los datos de pacientes guardados en este equipo están cifrados con una clave que se conserva en el llavero del sistema.</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::ImageAttachment</name>
    <message>
        <location filename="../ui/imageattachment.cpp" line="+71"/>
        <source>The file could not be opened: %1</source>
        <translation>No se pudo abrir el archivo: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This picture is larger than the 5 MB WhatsApp accepts. Make it smaller and attach it again.</source>
        <translation>Esta imagen supera los 5 MB que acepta WhatsApp. Redúzcala y vuelva a adjuntarla.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>WhatsApp only takes JPEG and PNG pictures. Save the picture as one of those and attach it again.</source>
        <translation>WhatsApp solo acepta imágenes JPEG y PNG. Guarde la imagen en uno de esos formatos y vuelva a adjuntarla.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 · %2</source>
        <extracomment>The attached picture: its file name and size, e.g. &quot;wound.png · 1.2 MB&quot;.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a caption (optional)</source>
        <translation>Añada un pie de foto (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the picture</source>
        <translation>Quitar la imagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture the patient will receive</source>
        <translation>La imagen que recibirá el paciente</translation>
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
        <location line="+105"/>
        <source>New emergency message</source>
        <translation>Nuevo mensaje de emergencia</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::LockScreen</name>
    <message numerus="yes">
        <location filename="../ui/lockscreen.cpp" line="+144"/>
        <source>The password is wrong. After %n more wrong attempt(s) you will be signed out.</source>
        <translation>
            <numerusform>La contraseña no es correcta. Tras %n intento fallido más se cerrará la sesión.</numerusform>
            <numerusform>La contraseña no es correcta. Tras %n intentos fallidos más se cerrará la sesión.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+41"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+41"/>
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
    <name>Wardline::Ui::MessageBubble</name>
    <message>
        <location filename="../ui/messagebubble.cpp" line="+47"/>
        <source>Location: %1</source>
        <translation>Ubicación: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location: %1 (%2)</source>
        <translation>Ubicación: %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removed a reaction</source>
        <translation>Quitó una reacción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reacted %1</source>
        <translation>Reaccionó con %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reacted %1 to “%2”</source>
        <translation>Reaccionó con %1 a «%2»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tapped: %1</source>
        <translation>Pulsó: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document: %1</source>
        <translation>Documento: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document: %1 — %2</source>
        <translation>Documento: %1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audio message</source>
        <translation>Mensaje de audio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video: %1</source>
        <translation>Vídeo: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sticker</source>
        <translation>Sticker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A message Wardline cannot show.</source>
        <translation>Un mensaje que Wardline no puede mostrar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template %1: %2</source>
        <translation>Plantilla %1: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Internal note — not sent</source>
        <translation>Nota interna — no se envía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal note — not sent · %1</source>
        <translation>Nota interna — no se envía · %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reply to an earlier message</source>
        <translation>Respuesta a un mensaje anterior</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template: %1</source>
        <translation>Plantilla: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading image…</source>
        <translation>Cargando imagen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+118"/>
        <source>Image not available</source>
        <translation>Imagen no disponible</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Click to see the full image</source>
        <translation>Haga clic para ver la imagen completa</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>WhatsApp did not deliver this message.</source>
        <translation>WhatsApp no entregó este mensaje.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not delivered: %1 (error %2)</source>
        <translation>No entregado: %1 (error %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not delivered: %1</source>
        <translation>No entregado: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 %2</source>
        <extracomment>A message&apos;s date and time, e.g. &quot;24/11/2026 14:02&quot;.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept on this computer; sent when the hub is back</source>
        <translation>Guardado en este equipo; se enviará cuando vuelva el hub</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read</source>
        <translation>Leído</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not delivered</source>
        <translation>No entregado</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::PasswordChangeDialog</name>
    <message>
        <location filename="../ui/passwordchangedialog.cpp" line="+68"/>
        <source>Choose your own password</source>
        <translation>Elija su propia contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You signed in with a temporary password. Choose your own password now; nothing else can be done until you do.

It must have at least %1 characters, must not be a dictionary word or close to your user name, and must differ from the temporary one. A short sentence you can remember works well.</source>
        <translation>Ha iniciado sesión con una contraseña temporal. Elija ahora su propia contraseña; hasta entonces no podrá hacer nada más.

Debe tener al menos %1 caracteres, no puede ser una palabra del diccionario ni parecerse a su nombre de usuario, y debe ser distinta de la temporal. Una frase corta que pueda recordar funciona bien.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type it again</source>
        <translation>&amp;Escríbala de nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Changing…</source>
        <translation>Cambiando…</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+16"/>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>The new password is too short: it needs at least %n characters.</source>
        <translation>
            <numerusform>La nueva contraseña es demasiado corta: necesita al menos %n carácter.</numerusform>
            <numerusform>La nueva contraseña es demasiado corta: necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two entries are not the same. Type the new password again.</source>
        <translation>Las dos entradas no coinciden. Escriba de nuevo la nueva contraseña.</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::PatientPanel</name>
    <message>
        <location filename="../ui/patientpanel.cpp" line="+54"/>
        <source>%1 %2, %3</source>
        <extracomment>%1 the weekday, %2 the date, %3 the time: &quot;Mon 11/30/26, 2:30 PM&quot;.</extracomment>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language: %1</source>
        <translation>Idioma: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>WhatsApp: agreed to messages</source>
        <translation>WhatsApp: acepta recibir mensajes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp: opted out (no automated messages)</source>
        <translation>WhatsApp: se dio de baja (no recibe mensajes automáticos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WhatsApp: not asked yet</source>
        <translation>WhatsApp: aún no se le ha preguntado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Upcoming appointments</source>
        <translation>Próximas citas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No upcoming appointments</source>
        <translation>No tiene citas próximas</translation>
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
        <translation>Confirmada por el paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The patient asked to change it</source>
        <translation>El paciente pidió cambiarla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not confirmed yet</source>
        <translation>Aún sin confirmar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The recovery pathway and medications are shown to clinical staff only.</source>
        <translation>El plan de recuperación y la medicación solo se muestran al personal clínico.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recovery pathway</source>
        <translation>Plan de recuperación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No active recovery pathway</source>
        <translation>No tiene un plan de recuperación activo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Post-surgical recovery</source>
        <translation>Recuperación posquirúrgica</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Day %1 after surgery on %2</source>
        <translation>Día %1 tras la cirugía del %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surgery on %1</source>
        <translation>Cirugía el %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check-in</source>
        <translation>control de seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wound photo</source>
        <translation>foto de la herida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pain score</source>
        <translation>valoración del dolor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>follow-up visit booking</source>
        <translation>cita de revisión</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All steps of the pathway are done.</source>
        <translation>Se han completado todos los pasos del plan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the patient&apos;s answer: %1 (day %2), sent %3</source>
        <translation>Esperando la respuesta del paciente: %1 (día %2), enviado el %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next step: %1 (day %2), due since %3, not sent yet</source>
        <translation>Próximo paso: %1 (día %2), previsto desde el %3, aún sin enviar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next step: %1 (day %2), due today at %3</source>
        <translation>Próximo paso: %1 (día %2), hoy a las %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next step: %1 (day %2), due %3</source>
        <translation>Próximo paso: %1 (día %2), previsto para el %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open task: a step went unanswered, call the patient</source>
        <translation>Tarea pendiente: un paso quedó sin respuesta, llame al paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open task: high pain score, call the patient</source>
        <translation>Tarea pendiente: dolor intenso, llame al paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open task: book the follow-up visit</source>
        <translation>Tarea pendiente: programe la cita de revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open task: %1</source>
        <translation>Tarea pendiente: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Medications</source>
        <translation>Medicación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No active medications</source>
        <translation>No tiene medicación activa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Daily at %1, until %2</source>
        <translation>Cada día a las %1, hasta el %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily at %1</source>
        <translation>Cada día a las %1</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::PermissionsModel</name>
    <message>
        <location filename="../ui/permissionsmodel.cpp" line="+96"/>
        <source>Not saved yet. %1 may: %2</source>
        <translation>Sin guardar todavía. %1 puede: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not saved yet. %1 may not: %2</source>
        <translation>Sin guardar todavía. %1 no puede: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 may: %2</source>
        <translation>%1 puede: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 may not: %2</source>
        <translation>%1 no puede: %2</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Administrators always keep this permission, so the site can never be locked out of its accounts and settings.</source>
        <translation>Los administradores conservan siempre este permiso, para que el centro nunca quede sin acceso a sus cuentas y su configuración.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auditors always keep the audit trail.</source>
        <translation>Los auditores conservan siempre el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditors never take part in care: clinical and sending permissions cannot be given to them.</source>
        <translation>Los auditores nunca participan en la atención: no se les pueden dar permisos clínicos ni de envío.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Keep an inbox</source>
        <translation>Tener bandeja de entrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read clinical conversations</source>
        <translation>Leer conversaciones clínicas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read appointment conversations</source>
        <translation>Leer conversaciones de citas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write to patients</source>
        <translation>Escribir a los pacientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claim and assign conversations</source>
        <translation>Tomar y asignar conversaciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close and reopen conversations</source>
        <translation>Cerrar y reabrir conversaciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add internal notes</source>
        <translation>Añadir notas internas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See patients&apos; photos and documents</source>
        <translation>Ver fotos y documentos de los pacientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review post-op photos</source>
        <translation>Revisar fotos posoperatorias</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reschedule appointments</source>
        <translation>Reprogramar citas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manage message templates</source>
        <translation>Administrar plantillas de mensajes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manage staff accounts</source>
        <translation>Administrar cuentas del personal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change site settings</source>
        <translation>Cambiar la configuración del centro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the audit trail</source>
        <translation>Consultar el registro de auditoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export a patient&apos;s record</source>
        <translation>Exportar el expediente de un paciente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the live inbox of the conversations the role may read</source>
        <translation>la bandeja en vivo de las conversaciones que el rol puede leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conversations about symptoms, medication and results</source>
        <translation>conversaciones sobre síntomas, medicación y resultados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conversations about appointments, and patients&apos; contact details</source>
        <translation>conversaciones sobre citas y los datos de contacto de los pacientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>send replies and templates to patients</source>
        <translation>enviar respuestas y plantillas a los pacientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>claim a conversation, assign or transfer it to a colleague</source>
        <translation>tomar una conversación, asignarla o transferirla a un colega</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close a conversation and open it again</source>
        <translation>cerrar una conversación y volver a abrirla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write notes that only staff see</source>
        <translation>escribir notas que solo ve el personal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the photos and documents patients sent</source>
        <translation>abrir las fotos y los documentos que enviaron los pacientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>record the outcome of a post-op photo review</source>
        <translation>registrar el resultado de la revisión de una foto posoperatoria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>work the queue of patients who asked for another slot</source>
        <translation>atender la cola de pacientes que pidieron otro horario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>create templates and submit them for approval</source>
        <translation>crear plantillas y enviarlas a aprobación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>create, change, deactivate and unlock accounts</source>
        <translation>crear, cambiar, desactivar y desbloquear cuentas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change the site settings</source>
        <translation>cambiar la configuración del centro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>see who did what, and verify the trail</source>
        <translation>ver quién hizo qué y verificar el registro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>export everything held about one patient (right of access)</source>
        <translation>exportar todo lo que se guarda de un paciente (derecho de acceso)</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::PhotoReviewDesk</name>
    <message numerus="yes">
        <location filename="../ui/photoreviewdesk.cpp" line="+319"/>
        <source>Photo review (%n)</source>
        <translation>
            <numerusform>Revisión de fotos (%n)</numerusform>
            <numerusform>Revisión de fotos (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photo review</source>
        <translation>Revisión de fotos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for review: most urgent, then oldest first</source>
        <translation>En espera de revisión: primero las más urgentes, luego las más antiguas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No photos are waiting for review.</source>
        <translation>No hay fotos en espera de revisión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This patient&apos;s photos by post-op day (choose an earlier one to compare)</source>
        <translation>Fotos de este paciente por día posoperatorio (elija una anterior para compararla)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (%1)</source>
        <translation>Acercar (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (%1)</source>
        <translation>Alejar (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole photo (%1)</source>
        <translation>Mostrar la foto completa (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate left</source>
        <translation>Girar a la izquierda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn the view a quarter to the left (%1)</source>
        <translation>Girar la vista un cuarto de vuelta a la izquierda (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate right</source>
        <translation>Girar a la derecha</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn the view a quarter to the right (%1)</source>
        <translation>Girar la vista un cuarto de vuelta a la derecha (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close comparison</source>
        <translation>Cerrar comparación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the marked-up copy</source>
        <translation>Mostrar la copia marcada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Brightness</source>
        <translation>&amp;Brillo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ontrast</source>
        <translation>C&amp;ontraste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For viewing only: the photo itself is not changed.</source>
        <translation>Solo para la visualización: la foto no se modifica.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move</source>
        <translation>Mover</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag to move the photo; the mouse wheel zooms.</source>
        <translation>Arrastre para mover la foto; la rueda del ratón acerca y aleja.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circle</source>
        <translation>Círculo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag from the centre to draw a circle with the label.</source>
        <translation>Arrastre desde el centro para dibujar un círculo con la etiqueta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrow</source>
        <translation>Flecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag towards what to point at to draw an arrow with the label.</source>
        <translation>Arrastre hacia lo que quiera señalar para dibujar una flecha con la etiqueta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label for the next circle or arrow</source>
        <translation>Etiqueta del próximo círculo o flecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo mark</source>
        <translation>Deshacer marca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the marked-up copy to the record</source>
        <translation>Añadir la copia marcada al registro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A copy with the marks is kept as an internal note; the photo as received is kept unchanged.</source>
        <translation>Se guarda una copia con las marcas como nota interna; la foto recibida se conserva sin cambios.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Healing as expected</source>
        <translation>Cicatrización según lo esperado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs a look by a clinician</source>
        <translation>Debe revisarla un médico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Makes the conversation P1 and alerts every console (%1)</source>
        <translation>Pasa la conversación a P1 y avisa a todas las consolas (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note for the record</source>
        <translation>&amp;Nota para el registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you saw (optional)</source>
        <translation>Lo que observó (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open conversation</source>
        <translation>Abrir conversación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record review</source>
        <translation>Registrar revisión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photo under review</source>
        <translation>Foto en revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier photo for comparison</source>
        <translation>Foto anterior para comparar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos waiting for review</source>
        <translation>Fotos en espera de revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This patient&apos;s photos by post-op day</source>
        <translation>Fotos de este paciente por día posoperatorio</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+158"/>
        <source>%1 · %2 · received %3</source>
        <translation>%1 · %2 · recibida %3</translation>
    </message>
    <message>
        <location line="-157"/>
        <location line="+109"/>
        <location line="+49"/>
        <source>Unnamed patient</source>
        <translation>Paciente sin nombre</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>post-op day unknown</source>
        <translation>día posoperatorio desconocido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>post-op day %1</source>
        <translation>día posoperatorio %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>healing as expected</source>
        <translation>cicatrización según lo esperado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs a clinician</source>
        <translation>debe revisarla un médico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>urgent</source>
        <translation>urgente</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+129"/>
        <source>waiting for review</source>
        <translation>en espera de revisión</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>%1 · %2
%3 · received %4</source>
        <translation>%1 · %2
%3 · recibida %4</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This photo was reviewed on another console.</source>
        <translation>Esta foto ya se revisó en otra consola.</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+97"/>
        <source>Loading the photo…</source>
        <translation>Cargando la foto…</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>This photo could not be downloaded from WhatsApp; ask the patient to send it again.</source>
        <translation>No se pudo descargar esta foto de WhatsApp; pida al paciente que la envíe de nuevo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The photo is still downloading; it appears here when it arrives.</source>
        <translation>La foto aún se está descargando; aparecerá aquí cuando llegue.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a photo from the queue.</source>
        <translation>Elija una foto de la cola.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>this photo</source>
        <translation>esta foto</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviewed by %1</source>
        <translation>Revisada por %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed by %1: %2</source>
        <translation>Revisada por %1: %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 (marked-up copy)</source>
        <translation>%1 (copia marcada)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This file is not an image the console can show.</source>
        <translation>Este archivo no es una imagen que la consola pueda mostrar.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose an outcome first.</source>
        <translation>Elija primero un resultado.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recording…</source>
        <translation>Registrando…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recorded as urgent: the conversation is now P1 and every console is alerted.</source>
        <translation>Registrada como urgente: la conversación ahora es P1 y se ha avisado a todas las consolas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded: needs a look by a clinician.</source>
        <translation>Registrada: debe revisarla un médico.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded: healing as expected.</source>
        <translation>Registrada: cicatrización según lo esperado.</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::RescheduleDesk</name>
    <message numerus="yes">
        <location filename="../ui/rescheduledesk.cpp" line="+239"/>
        <source>Reschedule (%n)</source>
        <extracomment>The reschedule desk&apos;s tab with how many patients wait for a new appointment.</extracomment>
        <translation>
            <numerusform>Citas por cambiar (%n)</numerusform>
            <numerusform>Citas por cambiar (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reschedule</source>
        <translation>Citas por cambiar</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The reschedule queue could not be loaded: %1</source>
        <translation>No se pudo cargar la lista de citas por reprogramar: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The new time was sent to %1.</source>
        <extracomment>%1 is the patient&apos;s name.</extracomment>
        <translation>Se envió el nuevo horario a %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The appointment of %1 was cancelled.</source>
        <translation>Se canceló la cita de %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 keeps the current appointment.</source>
        <translation>%1 conserva su cita actual.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Nobody is waiting for a new appointment.</source>
        <translation>Nadie está esperando una nueva cita.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the reschedule queue…</source>
        <translation>Cargando la lista de citas por reprogramar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a patient in the list.</source>
        <translation>Elija un paciente de la lista.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current appointment: %1 with %2 at %3</source>
        <extracomment>%1 is the day and time, %2 the provider, %3 the location.</extracomment>
        <translation>Cita actual: %1 con %2 en %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no provider)</source>
        <translation>(sin profesional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no location)</source>
        <translation>(sin lugar)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The patient wrote in the last 24 hours: you may also write to them in the conversation.</source>
        <translation>El paciente escribió en las últimas 24 horas: también puede escribirle en la conversación.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The patient wrote in the last 24 hours.</source>
        <translation>El paciente escribió en las últimas 24 horas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More than 24 hours since the patient last wrote: WhatsApp allows only the approved template.</source>
        <translation>Han pasado más de 24 horas desde el último mensaje del paciente: WhatsApp solo permite enviar la plantilla aprobada.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Choose a time in the future.</source>
        <translation>Elija una fecha y hora futuras.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+8"/>
        <location line="+31"/>
        <source>Cancel appointment</source>
        <translation>Cancelar cita</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Cancel the appointment of %1 on %2? The patient is not told automatically.</source>
        <extracomment>%1 is the patient&apos;s name, %2 the appointment&apos;s day and time.</extracomment>
        <translation>¿Cancelar la cita de %1 del %2? No se avisa al paciente automáticamente.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Patients who asked for another appointment</source>
        <translation>Pacientes que pidieron otra cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest waiting first. Choose a patient, pick the new time and send it: the patient receives the approved reschedule message and can confirm or ask again.</source>
        <translation>Primero quienes llevan más tiempo esperando. Elija un paciente, escoja el nuevo horario y envíelo: el paciente recibe el mensaje aprobado de reprogramación y puede confirmar o pedir otro cambio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New appointment</source>
        <translation>Nueva cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date and time</source>
        <translation>&amp;Fecha y hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uration</source>
        <translation>D&amp;uración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Provider</source>
        <translation>&amp;Profesional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Location</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders follow the new time. Times are in this computer&apos;s time zone; the patient reads them in theirs.</source>
        <translation>Los recordatorios se ajustan al nuevo horario. Las horas se muestran en la zona horaria de este equipo; el paciente las recibe en la suya.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send new time to patient</source>
        <translation>Enviar nuevo horario al paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open conversation</source>
        <translation>Abrir conversación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep current appointment</source>
        <translation>Conservar la cita actual</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::RescheduleModel</name>
    <message numerus="yes">
        <location filename="../ui/reschedulemodel.cpp" line="+58"/>
        <source>waiting %n min</source>
        <extracomment>How long a patient has waited for a new appointment, in minutes.</extracomment>
        <translation>
            <numerusform>espera %n min</numerusform>
            <numerusform>espera %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>waiting %n h</source>
        <extracomment>How long a patient has waited for a new appointment, in hours.</extracomment>
        <translation>
            <numerusform>espera %n h</numerusform>
            <numerusform>espera %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>waiting %n d</source>
        <extracomment>How long a patient has waited for a new appointment, in days.</extracomment>
        <translation>
            <numerusform>espera %n d</numerusform>
            <numerusform>espera %n d</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1, %2</source>
        <extracomment>An appointment&apos;s day and start time, e.g. &quot;12/3/26, 10:00&quot;.</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, %2–%3</source>
        <extracomment>An appointment&apos;s day, start and end time, e.g. &quot;12/3/26, 10:00–10:30&quot;.</extracomment>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Asked for a new time on %1</source>
        <extracomment>%1 is when the patient asked to change the appointment.</extracomment>
        <translation>Pidió un nuevo horario el %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current appointment</source>
        <translation>Cita actual</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation>Espera</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::SettingsDesk</name>
    <message>
        <location filename="../ui/settingsdesk.cpp" line="+107"/>
        <location line="+5"/>
        <source>Site settings</source>
        <translation>Ajustes del centro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canned responses</source>
        <translation>Respuestas predefinidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings of the whole site, shared by every hub and console. Changes are saved together, take effect at once and are written to the audit trail.</source>
        <translation>Configuración de todo el centro, compartida por todos los hubs y consolas. Los cambios se guardan juntos, surten efecto de inmediato y quedan en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save changes</source>
        <translation>&amp;Guardar cambios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo changes</source>
        <translation>&amp;Deshacer cambios</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Emergency reply</source>
        <translation>Respuesta de emergencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quiet hours and time zone</source>
        <translation>Horas de silencio y zona horaria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LOCATION reply</source>
        <translation>Respuesta a LOCATION</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact for patients</source>
        <translation>Contacto para pacientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service-level targets (minutes)</source>
        <translation>Objetivos de tiempo de respuesta (minutos)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Templates the automations send</source>
        <translation>Plantillas que envían las automatizaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consoles</source>
        <translation>Consolas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Emergency number</source>
        <translation>Número de emergencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instruction in English</source>
        <translation>Instrucción en inglés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instruction in Spanish</source>
        <translation>Instrucción en español</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours start</source>
        <translation>Inicio de las horas de silencio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours end</source>
        <translation>Fin de las horas de silencio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place name</source>
        <translation>Nombre del lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refill requests</source>
        <translation>Solicitudes de resurtido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab-result questions</source>
        <translation>Preguntas sobre resultados de laboratorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nurse questions</source>
        <translation>Preguntas para enfermería</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergencies</source>
        <translation>Emergencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screen lock after (minutes)</source>
        <translation>Bloqueo de pantalla tras (minutos)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The number patients are told to call in an emergency, like 911 or 112.</source>
        <translation>El número al que se indica llamar a los pacientes en una emergencia, como 911 o 112.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent at once when a message reads as an emergency. Write %1 where the emergency number goes. Empty: Wardline&apos;s own text.</source>
        <translation>Se envía de inmediato cuando un mensaje parece una emergencia. Escriba %1 donde va el número de emergencia. Vacío: el texto propio de Wardline.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same for patients who write in Spanish. Write %1 where the emergency number goes. Empty: Wardline&apos;s own text.</source>
        <translation>Lo mismo para los pacientes que escriben en español. Escriba %1 donde va el número de emergencia. Vacío: el texto propio de Wardline.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For patients without a time zone of their own, e.g. America/Chicago. Empty: the hub computer&apos;s.</source>
        <translation>Para los pacientes sin zona horaria propia, p. ej. America/Chicago. Vacío: la del equipo del hub.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No automated non-urgent message is sent from this time…</source>
        <translation>Desde esta hora no se envía ningún mensaje automático que no sea urgente…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…until this time, in the patient&apos;s local time.</source>
        <translation>…hasta esta hora, en la hora local del paciente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A patient who writes LOCATION receives the place&apos;s name, address and a map pin. Empty: no LOCATION reply.</source>
        <translation>El paciente que escribe LOCATION recibe el nombre del lugar, la dirección y un punto en el mapa. Vacío: sin respuesta a LOCATION.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address under the name.</source>
        <translation>La dirección bajo el nombre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number patients may call, filled in where a canned response says {site_phone}.</source>
        <translation>El número al que pueden llamar los pacientes; se inserta donde una respuesta predefinida dice {site_phone}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the map pin goes, in degrees (north is positive).</source>
        <translation>Dónde va el punto en el mapa, en grados (el norte es positivo).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the map pin goes, in degrees (east is positive).</source>
        <translation>Dónde va el punto en el mapa, en grados (el este es positivo).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff confirm a refill request within this.</source>
        <translation>El personal confirma una solicitud de resurtido dentro de este plazo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A patient hears about their lab-result question within this.</source>
        <translation>El paciente recibe respuesta sobre sus resultados de laboratorio dentro de este plazo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A nurse answers a non-urgent clinical question within this.</source>
        <translation>Enfermería responde una pregunta clínica no urgente dentro de este plazo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A nurse claims an emergency within this.</source>
        <translation>Una enfermera o enfermero toma una emergencia dentro de este plazo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A console with no keyboard or mouse input for this long locks its screen (at the next sign-in). 0: the hub&apos;s configuration decides.</source>
        <translation>Una consola sin uso del teclado ni del ratón durante este tiempo bloquea su pantalla (a partir del próximo inicio de sesión). 0: decide la configuración del hub.</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The settings are saved.</source>
        <translation>La configuración se ha guardado.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing was saved: correct the value marked in red and save again.</source>
        <translation>No se guardó nada: corrija el valor marcado en rojo y vuelva a guardar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was saved: %1</source>
        <translation>No se guardó nada: %1</translation>
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
        <location filename="../ui/signinwindow.cpp" line="+272"/>
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
        <location line="+48"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+48"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 fingerprint of the certificate the hub presented:</source>
        <translation>Huella SHA-256 del certificado que presentó el hub:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It matches — &amp;trust this hub</source>
        <translation>Coincide: &amp;confiar en este hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It does &amp;not match</source>
        <translation>&amp;No coincide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The password was not changed. Sign in again when you are ready to choose a new one.</source>
        <translation>La contraseña no se cambió. Vuelva a iniciar sesión cuando esté listo para elegir una nueva.</translation>
    </message>
    <message>
        <location line="+51"/>
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
<context>
    <name>Wardline::Ui::TemplateAutomations</name>
    <message>
        <location filename="../ui/templateautomations.cpp" line="+39"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Appointment reminder, the day before</source>
        <translation>Recordatorio de cita, el día anterior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointment confirmation request</source>
        <translation>Solicitud de confirmación de cita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After the visit</source>
        <translation>Después de la consulta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Medication dose reminder</source>
        <translation>Recordatorio de dosis de medicación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After surgery, day 1 check-in</source>
        <translation>Tras la cirugía, control del día 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After surgery, day 3 wound photo</source>
        <translation>Tras la cirugía, foto de la herida del día 3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After surgery, day 7 pain score</source>
        <translation>Tras la cirugía, nivel de dolor del día 7</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After surgery, day 14 follow-up booking</source>
        <translation>Tras la cirugía, cita de seguimiento del día 14</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminder of an unanswered step</source>
        <translation>Recordatorio de un paso sin respuesta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emergency instruction, when the reply window closed before the hub answered</source>
        <translation>Instrucción de emergencia, cuando la ventana de respuesta se cerró antes de que el hub respondiera</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 (not approved)</source>
        <translation>%1 (no aprobada)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hub note: %1</source>
        <extracomment>%1 is the hub&apos;s description of an automation, in English.</extracomment>
        <translation>Nota del hub: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved. The automations send these templates from now on.</source>
        <translation>Guardado. A partir de ahora, los envíos automáticos usan estas plantillas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the template each automation sends. Only approved templates that take the same values as the built-in one are offered; each patient receives the version in their language.</source>
        <translation>Elija la plantilla que usa cada envío automático. Solo se ofrecen plantillas aprobadas que llevan los mismos valores que la plantilla incluida; cada paciente recibe la versión en su idioma.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::TemplateBuilder</name>
    <message>
        <location filename="../ui/templatebuilder.cpp" line="+150"/>
        <source>Choose an example image</source>
        <translation>Elegir una imagen de ejemplo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+137"/>
        <source>Quick reply</source>
        <translation>Respuesta rápida</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Open a web page</source>
        <translation>Abrir una página web</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call a phone number</source>
        <translation>Llamar a un número de teléfono</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>New language version of %1</source>
        <translation>Nueva versión en otro idioma de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New template</source>
        <translation>Nueva plantilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. clinic_closed_notice</source>
        <translation>p. ej., aviso_clinica_cerrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower-case letters, digits and underscores; patients do not see it.</source>
        <translation>Letras minúsculas, cifras y guiones bajos; los pacientes no lo ven.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WhatsApp&apos;s language code, e.g. en, es or es_MX.</source>
        <translation>Código de idioma de WhatsApp, p. ej., en, es o es_MX.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category</source>
        <translation>&amp;Categoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utility (appointments, care instructions)</source>
        <translation>Servicio (citas, indicaciones de cuidados)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication (one-time codes)</source>
        <translation>Autenticación (códigos de un solo uso)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Variables</source>
        <translation>&amp;Variables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbered: {{1}}, {{2}} …</source>
        <translation>Numeradas: {{1}}, {{2}} …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Named: {{first_name}} …</source>
        <translation>Con nombre: {{nombre}} …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Heading</source>
        <translation>&amp;Encabezado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No heading</source>
        <translation>Sin encabezado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading text (at most 60 characters, one variable)</source>
        <translation>Texto del encabezado (60 caracteres como máximo, una variable)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Example value of the heading&apos;s variable</source>
        <translation>Valor de ejemplo de la variable del encabezado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose example image…</source>
        <translation>Elegir imagen de ejemplo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp reviews an image heading with an example picture (JPEG or PNG, at most 5 MB).</source>
        <translation>WhatsApp revisa un encabezado con imagen a partir de una imagen de ejemplo (JPEG o PNG, de 5 MB como máximo).</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+86"/>
        <source>No example image chosen yet.</source>
        <translation>Todavía no ha elegido una imagen de ejemplo.</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+86"/>
        <source>The example image WhatsApp already has.</source>
        <translation>La imagen de ejemplo que WhatsApp ya tiene.</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>&amp;Message</source>
        <translation>&amp;Mensaje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hello {{1}}, your appointment is on {{2}}. Reply if you need another time.</source>
        <translation>Hola, {{1}}: su cita es el {{2}}. Responda si necesita otra hora.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples</source>
        <translation>Ejemplos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Footer</source>
        <translation>&amp;Pie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, at most 60 characters, no variables</source>
        <translation>Opcional, 60 caracteres como máximo, sin variables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buttons</source>
        <translation>Botones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a button</source>
        <translation>Añadir un botón</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the patient sees</source>
        <translation>Lo que ve el paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit to WhatsApp for review</source>
        <translation>Enviar a WhatsApp para su revisión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Web page</source>
        <translation>Página web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone call</source>
        <translation>Llamada telefónica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button label (at most 25 characters)</source>
        <translation>Texto del botón (25 caracteres como máximo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this button</source>
        <translation>Quitar este botón</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>Example of {{%1}}</source>
        <extracomment>The example value of one of the template&apos;s variables, e.g. &quot;Example of {{2}}&quot;.</extracomment>
        <translation>Ejemplo de {{%1}}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write {{1}} (or {{first_name}}) in the message where a value goes; WhatsApp reviews it with an example.</source>
        <translation>Escriba {{1}} (o {{nombre}}) en el mensaje donde va un valor; WhatsApp lo revisa con un ejemplo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp reviews the template with these examples; they are not sent to patients.</source>
        <translation>WhatsApp revisa la plantilla con estos ejemplos; no se envían a los pacientes.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The example must be a JPEG or PNG picture of at most 5 MB. Choose another file.</source>
        <translation>El ejemplo debe ser una imagen JPEG o PNG de 5 MB como máximo. Elija otro archivo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · %2</source>
        <extracomment>The chosen example picture: its file name and size, e.g. &quot;clinic.jpg · 240 KB&quot;.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number with country code, e.g. +15550100200</source>
        <translation>Número con prefijo del país, p. ej., +15550100200</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%L1 / %L2</source>
        <extracomment>The message&apos;s length against WhatsApp&apos;s limit, e.g. &quot;120 / 1,024&quot;.</extracomment>
        <translation>%L1 / %L2</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Sending the template to the hub…</source>
        <translation>Enviando la plantilla al hub…</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::TemplateListModel</name>
    <message>
        <location filename="../ui/templatelistmodel.cpp" line="+29"/>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Being sent for review</source>
        <translation>Enviándose a revisión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The format is not valid (variables, examples or layout).</source>
        <translation>El formato no es válido (variables, ejemplos o estructura).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp considered the content abusive.</source>
        <translation>WhatsApp consideró ofensivo el contenido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text reads as promotional for its category.</source>
        <translation>El texto resulta promocional para su categoría.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>The category does not match the content.</source>
        <translation>La categoría no corresponde al contenido.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>WhatsApp considered the content misleading.</source>
        <translation>WhatsApp consideró engañoso el contenido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patients reported or blocked it too often.</source>
        <translation>Los pacientes la denunciaron o la bloquearon demasiadas veces.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Utility</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication</source>
        <translation>Autenticación</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp status</source>
        <translation>Estado en WhatsApp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::TemplatesDesk</name>
    <message>
        <location filename="../ui/templatesdesk.cpp" line="+113"/>
        <source>Not signed in to the hub.</source>
        <translation>No ha iniciado sesión en el hub.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Templates and WhatsApp review</source>
        <translation>Plantillas y revisión de WhatsApp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New template</source>
        <translation>Nueva plantilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automations</source>
        <translation>Envíos automáticos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New template…</source>
        <translation>Nueva plantilla…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a language version…</source>
        <translation>Añadir una versión en otro idioma…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the chosen template in another language, with the same name and variables.</source>
        <translation>Escriba la plantilla elegida en otro idioma, con el mismo nombre y las mismas variables.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 (%2) was sent to WhatsApp for review; its status is in the list.</source>
        <translation>%1 (%2) se envió a WhatsApp para su revisión; su estado aparece en la lista.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>No templates yet. The hub lists them from WhatsApp when it starts.</source>
        <translation>Aún no hay plantillas. El hub las obtiene de WhatsApp al iniciarse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a template to see its words and its review.</source>
        <translation>Elija una plantilla para ver su texto y su revisión.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>WhatsApp rejected this template without a reason.</source>
        <translation>WhatsApp rechazó esta plantilla sin indicar el motivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WhatsApp rejected this template: %1</source>
        <translation>WhatsApp rechazó esta plantilla: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>WhatsApp stopped this template; it cannot be sent.</source>
        <translation>WhatsApp detuvo esta plantilla; no se puede enviar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WhatsApp stopped this template: %1</source>
        <translation>WhatsApp detuvo esta plantilla: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::TemporaryPasswordDialog</name>
    <message>
        <location filename="../ui/temporarypassworddialog.cpp" line="+22"/>
        <source>Temporary password</source>
        <translation>Contraseña temporal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The temporary password of %1 is below. It is shown only this once: give it to the person yourself, never by e-mail or chat. At their first sign-in they must choose their own.</source>
        <translation>Abajo está la contraseña temporal de %1. Se muestra solo esta vez: entréguela usted en persona, nunca por correo ni por chat. En su primer inicio de sesión deberá elegir la suya.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copies the password; the clipboard is emptied when this window closes.</source>
        <translation>Copia la contraseña; el portapapeles se vacía al cerrar esta ventana.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Copied</source>
        <translation>Copiada</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::UserDialog</name>
    <message>
        <location filename="../ui/userdialog.cpp" line="+18"/>
        <source>Edit account</source>
        <translation>Editar cuenta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New account</source>
        <translation>Nueva cuenta</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Wardline makes a temporary password and shows it once. Give it to the person yourself; they choose their own at their first sign-in.</source>
        <translation>Wardline crea una contraseña temporal y la muestra una sola vez. Entréguela usted en persona; en su primer inicio de sesión elegirá la suya.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is your own account: another administrator changes its role.</source>
        <translation>Esta es su propia cuenta: otro administrador cambia su rol.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new role takes effect at once: the person is signed out everywhere and signs in again.</source>
        <translation>Un rol nuevo surte efecto de inmediato: se cierran todas las sesiones de la persona y vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;User name</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A user name has 2 to 64 letters, digits, dots, dashes or underscores, without spaces.</source>
        <translation>Un nombre de usuario tiene de 2 a 64 letras, dígitos, puntos, guiones o guiones bajos, sin espacios.</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::UsersDesk</name>
    <message>
        <location filename="../ui/usersdesk.cpp" line="+173"/>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff accounts on this hub. A change takes effect at once and is written to the audit trail.</source>
        <translation>Cuentas del personal en este hub. Un cambio surte efecto de inmediato y queda en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New account…</source>
        <translation>&amp;Nueva cuenta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlock…</source>
        <translation>Des&amp;bloquear…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by user name, name, role or state</source>
        <translation>Buscar por nombre de usuario, nombre, rol o estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles and permissions</source>
        <translation>Roles y permisos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What each role may do. The hub checks every request against this table and writes each refusal and each change to the audit trail. Give each role only what its work needs; greyed cells cannot be changed (point at one to see why).</source>
        <translation>Lo que puede hacer cada rol. El hub comprueba cada solicitud con esta tabla y anota cada rechazo y cada cambio en el registro de auditoría. Dé a cada rol solo lo que su trabajo necesita; las casillas en gris no se pueden cambiar (señale una para ver por qué).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reason for the change:</source>
        <translation>&amp;Motivo del cambio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save changes</source>
        <translation>&amp;Guardar cambios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Required: you are giving your own role a permission</source>
        <translation>Obligatorio: está dando un permiso a su propio rol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional; kept in the audit trail</source>
        <translation>Opcional; queda en el registro de auditoría</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n change(s) saved. They apply at once, on every console.</source>
        <translation>
            <numerusform>Se guardó %n cambio. Se aplica de inmediato en todas las consolas.</numerusform>
            <numerusform>Se guardaron %n cambios. Se aplican de inmediato en todas las consolas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>One of the changes touches a permission that cannot be changed. Nothing was saved.</source>
        <translation>Uno de los cambios afecta a un permiso que no se puede cambiar. No se guardó nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A role that reads conversations also needs “Keep an inbox”. Nothing was saved.</source>
        <translation>Un rol que lee conversaciones también necesita «Tener bandeja de entrada». No se guardó nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are giving your own role a permission: write the reason, it is kept in the audit trail. Nothing was saved.</source>
        <translation>Está dando un permiso a su propio rol: escriba el motivo, que queda en el registro de auditoría. No se guardó nada.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Re&amp;activate…</source>
        <translation>Re&amp;activar…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Desactivar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another administrator must change your own access.</source>
        <translation>Otro administrador debe cambiar su propio acceso.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The account %1 was created.</source>
        <translation>Se creó la cuenta %1.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The account %1 was changed.</source>
        <translation>Se cambió la cuenta %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Give %1 a new temporary password? Their current password stops working and they are signed out everywhere.</source>
        <translation>¿Dar a %1 una nueva contraseña temporal? Su contraseña actual deja de funcionar y se cierran todas sus sesiones.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 has a new temporary password.</source>
        <translation>%1 tiene una nueva contraseña temporal.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unlock the account of %1? Do it only when you know it was them who mistyped their password.</source>
        <translation>¿Desbloquear la cuenta de %1? Hágalo solo si sabe que fue esa persona quien se equivocó al escribir su contraseña.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account %1 is unlocked and may sign in.</source>
        <translation>La cuenta %1 está desbloqueada y puede iniciar sesión.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reactivate the account of %1? They can sign in again with their password.</source>
        <translation>¿Reactivar la cuenta de %1? Podrá volver a iniciar sesión con su contraseña.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivate the account of %1? They are signed out everywhere and cannot sign in until an administrator reactivates the account. Nothing they did is deleted.</source>
        <translation>¿Desactivar la cuenta de %1? Se cierran todas sus sesiones y no podrá iniciar sesión hasta que un administrador reactive la cuenta. No se borra nada de lo que hizo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reactivate</source>
        <translation>Reactivar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The account %1 is active again.</source>
        <translation>La cuenta %1 vuelve a estar activa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account %1 is deactivated.</source>
        <translation>La cuenta %1 está desactivada.</translation>
    </message>
</context>
<context>
    <name>Wardline::Ui::UsersModel</name>
    <message>
        <location filename="../ui/usersmodel.cpp" line="+69"/>
        <source>Deactivated</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked until %1</source>
        <translation>Bloqueada hasta %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for a new password</source>
        <translation>Pendiente de nueva contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last sign-in</source>
        <translation>Último inicio de sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed attempts</source>
        <translation>Intentos fallidos</translation>
    </message>
</context>
<context>
    <name>Wardline::WhatsApp::GraphTemplate</name>
    <message>
        <location filename="../app/whatsapp/graphtemplate.cpp" line="+25"/>
        <source>The template has a field that is not written as {{1}} or {{name}}.</source>
        <translation>La plantilla tiene un campo que no está escrito como {{1}} o {{nombre}}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template&apos;s fields do not match its field style: use {{1}}, {{2}} … for numbered templates and {{name}} for named ones.</source>
        <translation>Los campos de la plantilla no siguen su estilo: use {{1}}, {{2}} … en las plantillas numeradas y {{nombre}} en las de campos con nombre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A template heading can have at most one field.</source>
        <translation>El encabezado de una plantilla puede tener un campo como máximo.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+21"/>
        <source>Each field in the template needs an example value for WhatsApp&apos;s review.</source>
        <translation>Cada campo de la plantilla necesita un valor de ejemplo para la revisión de WhatsApp.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>The template&apos;s fields must be numbered from {{1}} without gaps.</source>
        <translation>Los campos de la plantilla deben numerarse desde {{1}} sin saltos.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Each button needs a label of at most %L1 characters.</source>
        <translation>Cada botón necesita un texto de %L1 caracteres como máximo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A template can have at most two web-link buttons, each with a full address such as https://example.org/visit.</source>
        <translation>Una plantilla puede tener como máximo dos botones con enlace web, cada uno con una dirección completa como https://example.org/visita.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A template can have one call button, with the number in international form such as +15550100200.</source>
        <translation>Una plantilla puede tener un botón de llamada, con el número en formato internacional, como +15550100200.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template has a button WhatsApp does not know.</source>
        <translation>La plantilla tiene un botón que WhatsApp no reconoce.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The template name may contain only lower-case letters, digits and underscores.</source>
        <translation>El nombre de la plantilla solo puede contener letras minúsculas, cifras y guiones bajos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template needs a language, for example en_US.</source>
        <translation>La plantilla necesita un idioma, por ejemplo es_MX.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The template&apos;s category must be marketing, utility or authentication.</source>
        <translation>La categoría de la plantilla debe ser marketing, servicio o autenticación.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template&apos;s field style must be numbered or named.</source>
        <translation>Los campos de la plantilla deben ser numerados o con nombre.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The template needs a body text.</source>
        <translation>La plantilla necesita un texto de mensaje.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The template text is %L1 characters long; WhatsApp allows at most %L2.</source>
        <translation>El texto de la plantilla tiene %L1 caracteres; WhatsApp admite %L2 como máximo.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A template heading needs a text of at most %L1 characters.</source>
        <translation>El encabezado de la plantilla necesita un texto de %L1 caracteres como máximo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A picture or file heading needs an example file for WhatsApp&apos;s review.</source>
        <translation>Un encabezado con imagen o archivo necesita un archivo de ejemplo para la revisión de WhatsApp.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A template footer can have at most %L1 characters.</source>
        <translation>El pie de una plantilla puede tener %L1 caracteres como máximo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A template footer cannot have fields.</source>
        <translation>El pie de una plantilla no puede tener campos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template can have at most %L1 buttons.</source>
        <translation>Una plantilla puede tener %L1 botones como máximo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The template has a part WhatsApp does not know.</source>
        <translation>La plantilla tiene una parte que WhatsApp no reconoce.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template needs exactly one body text.</source>
        <translation>La plantilla necesita exactamente un texto de mensaje.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The template can have only one heading and one footer.</source>
        <translation>La plantilla solo puede tener un encabezado y un pie.</translation>
    </message>
</context>
</TS>

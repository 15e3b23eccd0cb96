#include "sim/defaulttemplates.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Wardline::Sim {

namespace {
// Components in the form GET message_templates returns them. Placeholders {{n}} are
// positional, {{name}} named (parameter_format NAMED). Example values are fictional.
constexpr char Templates[] = R"json([
{"name": "appointment_reminder", "language": "en", "category": "UTILITY",
 "components": [
  {"type": "HEADER", "format": "TEXT", "text": "Appointment reminder"},
  {"type": "BODY", "text": "Hello {{1}}, this is a reminder of your appointment with {{2}} on {{3}} at {{4}}. Please tap Confirm to keep it, or Change if you need another time.",
   "example": {"body_text": [["Ana", "Dr. Osei", "Tuesday 3 March", "9:30 AM"]]}},
  {"type": "FOOTER", "text": "Wardline Training Hospital"},
  {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Confirm"}, {"type": "QUICK_REPLY", "text": "Change"}]}]},
{"name": "appointment_reminder", "language": "es", "category": "UTILITY",
 "components": [
  {"type": "HEADER", "format": "TEXT", "text": "Recordatorio de cita"},
  {"type": "BODY", "text": "Hola {{1}}, le recordamos su cita con {{2}} el {{3}} a las {{4}}. Pulse Confirmar para mantenerla o Cambiar si necesita otro horario.",
   "example": {"body_text": [["Ana", "la Dra. Osei", "martes 3 de marzo", "9:30"]]}},
  {"type": "FOOTER", "text": "Hospital de Formación Wardline"},
  {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Confirmar"}, {"type": "QUICK_REPLY", "text": "Cambiar"}]}]},
{"name": "refill_ready", "language": "en", "category": "UTILITY", "parameter_format": "NAMED",
 "components": [
  {"type": "BODY", "text": "Hello {{patient_name}}, your prescription for {{medication}} is ready to collect at the {{pharmacy}} pharmacy. Please bring a photo ID. Opening hours: Monday–Friday, 8 AM–6 PM.",
   "example": {"body_text_named_params": [{"param_name": "patient_name", "example": "Ana"}, {"param_name": "medication", "example": "metformin 500 mg"}, {"param_name": "pharmacy", "example": "outpatient"}]}},
  {"type": "FOOTER", "text": "Wardline Training Hospital"}]},
{"name": "lab_results_ready", "language": "en", "category": "UTILITY",
 "components": [
  {"type": "BODY", "text": "Hello {{1}}, the results of your tests from {{2}} are ready. For your privacy we do not send results by WhatsApp: please sign in to the patient portal or call the clinic to go through them with your care team.",
   "example": {"body_text": [["Ana", "12 February"]]}},
  {"type": "FOOTER", "text": "Wardline Training Hospital"},
  {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Open patient portal", "url": "https://portal.wardline.example/results"}]}]},
{"name": "post_op_photo_request", "language": "en", "category": "UTILITY",
 "components": [
  {"type": "BODY", "text": "Hello {{1}}, today is day {{2}} after your {{3}}. Please reply with a clear photo of your wound, taken in good light, so your nurse can check how it is healing. If you notice spreading redness, pus, a fever or severe pain, call us straight away.",
   "example": {"body_text": [["Ana", "3", "knee surgery"]]}},
  {"type": "FOOTER", "text": "Wardline Training Hospital"}]},
{"name": "reschedule_offer", "language": "en", "category": "UTILITY",
 "components": [
  {"type": "BODY", "text": "Hello {{1}}, we can offer you a new appointment with {{2}} on {{3}} at {{4}}. Tap Book this time to take it, or Other times and we will contact you.",
   "example": {"body_text": [["Ana", "Dr. Osei", "Thursday 5 March", "2:15 PM"]]}},
  {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Book this time"}, {"type": "QUICK_REPLY", "text": "Other times"}]}]},
{"name": "reschedule_offer", "language": "es", "category": "UTILITY",
 "components": [
  {"type": "BODY", "text": "Hola {{1}}, podemos ofrecerle una nueva cita con {{2}} el {{3}} a las {{4}}. Pulse Reservar para aceptarla u Otras horas y le contactaremos.",
   "example": {"body_text": [["Ana", "la Dra. Osei", "jueves 5 de marzo", "14:15"]]}},
  {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Reservar"}, {"type": "QUICK_REPLY", "text": "Otras horas"}]}]},
{"name": "emergency_instruction", "language": "en", "category": "UTILITY",
 "components": [
  {"type": "BODY", "text": "{{1}}, what you describe may be a medical emergency. Call 911 now or go to the nearest emergency department. Do not drive yourself. A nurse from our team will contact you.",
   "example": {"body_text": [["Ana"]]}}]},
{"name": "emergency_instruction", "language": "es", "category": "UTILITY",
 "components": [
  {"type": "BODY", "text": "{{1}}, lo que describe puede ser una emergencia médica. Llame ya al 911 o acuda al servicio de urgencias más cercano. No conduzca usted. Una enfermera de nuestro equipo se pondrá en contacto con usted.",
   "example": {"body_text": [["Ana"]]}}]}
])json";
} // namespace

QList<MessageTemplate> DefaultTemplates::all()
{
    QList<MessageTemplate> templates;
    const QJsonArray array = QJsonDocument::fromJson(QByteArray(Templates)).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        MessageTemplate t;
        t.name = object.value(u"name").toString();
        t.language = object.value(u"language").toString();
        t.category = object.value(u"category").toString();
        t.status = QStringLiteral("APPROVED");
        t.parameterFormat =
            object.value(u"parameter_format").toString(QStringLiteral("POSITIONAL"));
        t.components = object.value(u"components").toArray();
        templates.append(t);
    }
    return templates;
}

} // namespace Wardline::Sim

#include "sim/personalibrary.h"

#include <QDir>
#include <QFile>

namespace Wardline::Sim {

void PersonaLibrary::load(const QString &directory, QStringList *problems)
{
    m_personas.clear();
    loadDirectory(ResourceDir.toString(), problems);
    if (!directory.isEmpty())
        loadDirectory(QDir(directory).absolutePath(), problems);
}

void PersonaLibrary::loadDirectory(const QString &directory, QStringList *problems)
{
    const QDir dir(directory);
    const QStringList files =
        dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &fileName : files) {
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly)) {
            problems->append(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
            continue;
        }
        QString error;
        std::optional<Persona> persona =
            Persona::fromJson(file.read(1024 * 1024), directory, &error);
        if (!persona) {
            problems->append(QStringLiteral("%1: %2").arg(file.fileName(), error));
            continue;
        }
        m_personas.removeIf([&](const Persona &p) { return p.name == persona->name; });
        m_personas.append(std::move(*persona));
    }
}

const Persona *PersonaLibrary::find(const QString &name) const
{
    for (const Persona &persona : m_personas) {
        if (persona.name == name)
            return &persona;
    }
    return nullptr;
}

} // namespace Wardline::Sim

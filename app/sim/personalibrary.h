#pragma once

#include "sim/persona.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Wardline::Sim {

/// The personas a simulator can play: the built-in ones (Qt resource :/personas) and those of
/// an optional directory, which replace built-in ones of the same name.
class PersonaLibrary
{
public:
    static constexpr QStringView ResourceDir{u":/personas"};

    /// Loads the built-in personas and those in \a directory (none when empty). Files that are
    /// not valid personas are skipped; \a problems says which and why.
    void load(const QString &directory, QStringList *problems);

    [[nodiscard]] const QList<Persona> &all() const { return m_personas; }
    [[nodiscard]] const Persona *find(const QString &name) const;

private:
    void loadDirectory(const QString &directory, QStringList *problems);

    QList<Persona> m_personas;
};

} // namespace Wardline::Sim

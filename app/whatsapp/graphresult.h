#pragma once

#include "whatsapp/graphapierror.h"

#include <utility>
#include <variant>

namespace Wardline::WhatsApp {

/// The value of a call that answers nothing but success ({"success":true}).
struct GraphDone
{
};

/// The one result every GraphClient call delivers: a value, or the GraphApiError saying why not.
template<typename T> class [[nodiscard]] GraphResult
{
public:
    GraphResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    GraphResult(GraphApiError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return std::get<0>(m_data); }
    [[nodiscard]] T &value() & { return std::get<0>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }
    /// Only when !ok().
    [[nodiscard]] const GraphApiError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, GraphApiError> m_data;
};

} // namespace Wardline::WhatsApp

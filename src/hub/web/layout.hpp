#pragma once

#include <string>
#include <string_view>

#include "core/catalog.hpp"
#include "hub/office_staff.hpp"

// The one layout of every console page: the header (the console's name, who is signed in
// and their role, the language switch, the sign-out form), the nav by role, a notice, the
// page's main part. Also used for pages without a session (sign-in, errors).
namespace pekon::hub::web {

struct LayoutInput {
    Lang lang = Lang::id;
    const Catalog* catalog = nullptr;
    const StaffSession* session = nullptr;  // none: no nav, no sign-out
    std::string_view path;                  // this page's, for the language switch's return
    std::string_view title;
    std::string_view notice;  // a line above the page ("" for none)
    std::string_view main_html;
};

std::string renderLayout(const LayoutInput& in);

// The first nav entry `role` may open (where "/office/" leads after sign-in).
std::string_view homeOf(StaffRole role);

}  // namespace pekon::hub::web

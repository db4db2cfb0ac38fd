#pragma once

#include <optional>
#include <string>

#include "store/users.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// Settings' "Data access" (issue 16): the users of the device whose PIN does not hold the
// device's data key yet (made before the data was sealed). The signed-in user, who holds it,
// gives it to one of them: that user taps their name and types their own PIN here.
class DataAccessPanel {
  public:
    void draw(UiContext& ui, Navigator& nav);

  private:
    bool loaded_ = false;
    std::vector<User> waiting_;
    std::optional<User> chosen_;
    std::string pin_;
    std::string problem_;
    std::string done_;
};

}  // namespace pekon::ui

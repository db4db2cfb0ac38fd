#pragma once

#include "hub/web/console.hpp"

// The console's page handlers, by file (routed in console.cpp's kRoutes).
namespace pekon::hub::web {

// page_sign_in.cpp
WebResponse homePage(PageContext& ctx);
WebResponse signInPage(PageContext& ctx);
WebResponse signInAction(PageContext& ctx);
WebResponse signOutAction(PageContext& ctx);
WebResponse languageSwitch(PageContext& ctx);

// page_account.cpp
WebResponse accountPage(PageContext& ctx);
WebResponse changePasswordAction(PageContext& ctx);

// page_staff.cpp
WebResponse staffPage(PageContext& ctx);
WebResponse staffAddAction(PageContext& ctx);
WebResponse staffRoleAction(PageContext& ctx);
WebResponse staffDisableAction(PageContext& ctx);
WebResponse staffEnableAction(PageContext& ctx);
WebResponse staffUnlockAction(PageContext& ctx);
WebResponse staffPasswordAction(PageContext& ctx);

// page_audit.cpp
WebResponse auditPage(PageContext& ctx);

// page_devices.cpp
WebResponse devicesPage(PageContext& ctx);
WebResponse revokeConfirmPage(PageContext& ctx);
WebResponse revokeAction(PageContext& ctx);

// page_codes.cpp
WebResponse codesPage(PageContext& ctx);
WebResponse createCodeAction(PageContext& ctx);

// page_queue.cpp
WebResponse queuePageView(PageContext& ctx);

// page_member.cpp: /office/members/<member id>
WebResponse memberPage(PageContext& ctx);

// page_decide.cpp
WebResponse decideAction(PageContext& ctx);

// page_status_upload.cpp
WebResponse statusUploadPage(PageContext& ctx);
WebResponse statusUploadAction(PageContext& ctx);

// page_dashboard.cpp, page_dashboard_export.cpp
WebResponse dashboardPage(PageContext& ctx);
WebResponse dashboardExport(PageContext& ctx);

// page_complaints.cpp
WebResponse complaintsPage(PageContext& ctx);
WebResponse complaintPage(PageContext& ctx);  // /office/complaints/<ticket number>
WebResponse complaintAction(PageContext& ctx);
WebResponse complaintSettingsPage(PageContext& ctx);
WebResponse complaintSettingsAction(PageContext& ctx);

// page_export.cpp
WebResponse exportAction(PageContext& ctx);

}  // namespace pekon::hub::web

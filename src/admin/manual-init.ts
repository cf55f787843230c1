// Decap starts itself when its module loads unless told otherwise; our widgets must be
// registered first, so this module (imported before Decap) asks for a manual start.
(window as unknown as { CMS_MANUAL_INIT: boolean }).CMS_MANUAL_INIT = true;

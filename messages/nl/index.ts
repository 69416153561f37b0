import admin from "./admin.json";
import auth from "./auth.json";
import mail from "./mail.json";
import portal from "./portal.json";
import shell from "./shell.json";

// One catalogue in parts, by area of the product, so that work on one area touches one file.
const catalogue = { ...shell, ...auth, ...portal, ...admin, ...mail };
export default catalogue;

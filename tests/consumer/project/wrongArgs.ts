// Must not type-check: the installed .d.ts carry the args' real types (not `any`).
import { PasswordPolicy } from "aws-account-baseline";

new PasswordPolicy("typo", { minimumLenght: 14 });

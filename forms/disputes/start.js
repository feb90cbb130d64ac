// The page's code lives with the forms' modules (forms/assets), which it shares.
import { start } from '/forms/assets/party-page.js';

start(document.body);

// The web interface's own script: small enhancements of server-rendered pages. Every page works without it
// except the live parts (a batch job's progress), which say so when it is missing.
"use strict";

// Validates HAR files with har-validator (npm, the schema HAR consumers use):
//   NODE_PATH=.tools/node_modules node validate-har.js FILE...
// Prints "valid FILE" for each; exits 1 with the schema errors of the first invalid one.
'use strict';
const fs = require('fs');
const validator = require('har-validator');

(async () => {
    for (const file of process.argv.slice(2)) {
        try {
            await validator.har(JSON.parse(fs.readFileSync(file, 'utf8')));
            console.log('valid ' + file);
        } catch (e) {
            console.error('invalid ' + file + ': ' + e.message + '\n'
                + JSON.stringify(e.errors || [], null, 1));
            process.exit(1);
        }
    }
})();

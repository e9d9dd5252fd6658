/**
 * Imported first by the command-line tools that read the configuration: a
 * wrong INSYN_* variable throws while src/lib/config.ts is loaded, before the
 * tool's own code runs. This prints that error as the message it is (the
 * variable, what was found, what is expected) instead of under Node's stack
 * header, and exits with 2, as for any other usage error. Any other error is
 * reported with its stack and exits with 1, as Node does.
 */
process.on('uncaughtException', (error) => {
  if (error.name === 'ConfigError') {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});

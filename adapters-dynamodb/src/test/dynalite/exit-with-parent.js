// Preloaded before dynalite (node --require): ends it when the JVM that started it goes away,
// even a JVM that was killed, because its end of our stdin pipe then closes.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

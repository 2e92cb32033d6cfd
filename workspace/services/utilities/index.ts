export { createUtilitiesService, DigestAlgorithm, MacAlgorithm, MAX_SLEEP_MS, sprintf, parseCsvText } from './utilities';
export { Charset, FakeBlob } from './bytes';
export { formatJavaDate, resolveZone, compilePattern, JavaFormatError } from './javaDate';
export type { JavaZone } from './javaDate';
export { createLoggerService, javaString, javaDouble } from './logger';
export type { LogLine, LogLevel, LoggerOptions, LoggerFake } from './logger';

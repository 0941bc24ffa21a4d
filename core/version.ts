// The one place the release version is written (REST API's GET /, Debezium's source.version).
export const VERSION = '0.1.0';

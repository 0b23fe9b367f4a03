/**
 * A minimal JSON reader and writer ({@link io.github.rocklstm.json.Json}) used for model files
 * ({@code model.json}), {@code --json} command output and corpus files in JSON, so that the api module
 * depends on guava alone.
 */
package io.github.rocklstm.json;

/** File helpers shared by every writer in the library: {@link io.github.rocklstm.io.AtomicFiles}. */
package io.github.rocklstm.io;

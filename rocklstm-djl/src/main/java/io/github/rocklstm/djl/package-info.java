/**
 * The {@code djl} backend: {@link io.github.rocklstm.djl.DjlBackend} computes rocklstm's LSTM sequence models with
 * PyTorch through DJL 0.36.0 (PyTorch 2.7.1).
 *
 * <p><b>The network.</b> Embedding, then one call of PyTorch's fused LSTM kernel per layer (batch-first, state
 * returned so sessions can step), dropout after every layer while training, a linear layer to the vocabulary and a
 * log-softmax. Parameters are plain tensors in the portable {@link io.github.rocklstm.model.ParameterLayout}
 * layout, which is PyTorch's own (gate order i, f, g, o), so saving and loading copy them without conversion.
 * The loss is the masked mean of the target log-probabilities over a [B*T, V] view (never a [B, T, V] one). Adam
 * and global-norm clipping are written out with tensor operations so their state can be saved and restored
 * exactly ({@link io.github.rocklstm.model.OptimizerState}). Dropout is seeded per epoch through
 * {@code Engine.setRandomSeed}; PyTorch's generator is process-wide, so two models training at once in one JVM
 * do not get reproducible masks (training steps of all models are serialised anyway, because DJL allows one
 * gradient collector per process).
 *
 * <p><b>Natives and offline use.</b> The module depends on {@code ai.djl.pytorch:pytorch-engine},
 * {@code pytorch-jni:2.7.1-0.36.0} and {@code pytorch-native-cpu:2.7.1} with classifier {@code linux-x86_64}
 * (other platforms: swap the classifier). The backend switches DJL to offline mode ({@code ai.djl.offline=true})
 * unless {@code DJL_OFFLINE} or {@code -Dai.djl.offline} is already set, so a missing native jar fails at once
 * instead of downloading. Natives are extracted to DJL's cache: {@code DJL_CACHE_DIR} / {@code ENGINE_CACHE_DIR}
 * if set, else {@code ~/.djl.ai} (about 450 MB). Discovery ({@code ServiceLoader}, {@code isAvailable()}) reads two
 * properties files and loads no native code.
 *
 * <p><b>Threads.</b> PyTorch's intra-op threads default to the number of cores; set
 * {@code -Dai.djl.pytorch.num_threads=N} and {@code -Dai.djl.pytorch.num_interop_threads=1} before the first model
 * is created. On a shared 2-core machine one thread was about ten times faster than two while another process kept
 * the second core busy (OpenMP threads spin waiting for each other), so the tests use one.
 *
 * <p><b>Logging noise.</b> On hosts with a CUDA runtime but no driver, DJL's {@code ai.djl.util.cuda.CudaUtils}
 * warns twice that it failed to detect the GPU count, and {@code PtEngine} logs three INFO lines at start-up;
 * raise those loggers' levels to silence them.
 *
 * <p><b>GPU.</b> {@code Device.gpu(n)} maps to {@code ai.djl.Device.gpu(n)} when the engine reports CUDA and at least
 * n + 1 GPUs; otherwise creating or loading a model fails with a message saying no CUDA GPU is visible and CPU
 * natives are on the classpath. {@code Device.auto()} takes gpu0 when there is one and falls back to the CPU
 * (logged at INFO). The Maven profile {@code cuda} ({@code mvn -Pcuda ...}) swaps {@code pytorch-native-cpu} for
 * {@code pytorch-native-cu128:2.7.1:linux-x86_64}. <b>Unverified:</b> that native jar is not served by Maven Central
 * at the time of writing, and no GPU run of this backend has been measured.
 */
package io.github.rocklstm.djl;

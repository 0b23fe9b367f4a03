/**
 * The {@code dl4j} backend: {@link io.github.rocklstm.dl4j.Dl4jBackend} computes rocklstm's LSTM sequence models with
 * ND4J, the tensor library of Deeplearning4j 1.0.0-M2.1, and {@link io.github.rocklstm.dl4j.MultiLayerNetworkConverter}
 * turns their weights into a plain DL4J {@code MultiLayerNetwork} and back.
 *
 * <p><b>The network.</b> Embedding rows, then per LSTM layer: while training, {@code LstmTrainingPass} (forward and
 * backward written with ND4J operations); while scoring and stepping, libnd4j's fused {@code lstmLayer} operation,
 * one native call per layer. Dropout follows every layer while training (masks from the network's own
 * {@link java.util.SplittableRandom}, re-seeded by the training loop each epoch, so two models never share a random
 * source). Then the output projection and a log-softmax. The loss is the masked mean over real target positions, in
 * nats per token. Parameters, gradients and Adam's two moments each live in one flat array whose views have the
 * portable {@link io.github.rocklstm.model.ParameterLayout} shapes (PyTorch's: {@code weight_ih} [4H, in], gate order
 * i, f, g, o, two biases), so weights and optimiser state are read and written without any conversion, global-norm
 * clipping and Adam are a handful of operations over the whole model, and both biases get the same gradient and
 * their own Adam moments exactly as in PyTorch. libnd4j's {@code lstmLayer} uses the same gate order (i, f, g, o;
 * checked against hand-computed gates), and takes the weights as transposed views.
 *
 * <p><b>Why not a {@code MultiLayerNetwork}.</b> Measured on this project's 2-core machines with the target model
 * (vocabulary 150, embedding 32, 2 x 256 LSTM, batches of 32 windows of 64 tokens; figures in tokens per second of
 * process CPU time, which stays meaningful on a machine shared with other builds):
 * <ul>
 *   <li>DL4J's {@code LSTM} layer trains at about 1,300-1,400 tokens per CPU-second, PyTorch through DJL at
 *       4,300-4,700. Workspaces (ENABLED or NONE), 'c' or 'f' input order, one-hot instead of
 *       {@code EmbeddingSequenceLayer}, truncated BPTT configured or manual windows, and gradient normalisation
 *       change nothing measurable; DOUBLE is 27% slower (FLOAT is M2.1's default); {@code GravesLSTM} (peepholes)
 *       is 16% slower.
 *   <li>There is no native help: the generic {@code nd4j-native} M2.1 build has no oneDNN inside, and
 *       deeplearning4j-nn M2.1 has oneDNN helpers for convolution, pooling, batch and local response normalisation
 *       only; the cuDNN LSTM helper exists only on CUDA. So the layer runs {@code LSTMHelpers}' Java loop: per step
 *       five small matrix products and about fifty ND4J calls, each with 13-40 µs of JNI and shape bookkeeping,
 *       many on strided gate views (6x slower than contiguous ones).
 *   <li>SameDiff's {@code lstmLayer} graph did not finish its first training step in 15 minutes (M2.1's
 *       InferenceSession dependency tracking). Calling libnd4j's {@code lstmLayer} and {@code lstmLayer_bp} directly
 *       is correct (gradients checked against finite differences) but no faster than the layer: the backward
 *       operation recomputes the forward pass and runs small products per step.
 *   <li>{@code LstmTrainingPass} does the input projection of all steps as one large product, one recurrent product
 *       per step each way, the weight gradients as three large products after the loop, and the bias gradient as a
 *       product with a ones vector (ND4J's {@code sum(0)} over a row-major matrix cost as much as a large product).
 *       The network reaches 2,300-2,600 tokens per CPU-second: 1.7-1.9 times slower than DJL instead of 3.1-3.4 times
 *       (wall clock: 1,600-2,000 against 2,900 tokens/s at load 4-5). For tiny models (1 x 64) the per-call
 *       overhead dominates and DL4J stays about 4 times slower.
 * </ul>
 * {@code LstmSpeedProbe} and {@code BackendSpeedProbe} in the test sources reproduce these figures.
 *
 * <p><b>Threads.</b> The largest factor of all. OpenBLAS computes the matrix products; libnd4j splits single
 * element-wise, broadcast and reduction operations over its own threads, and for an LSTM's many small operations the
 * hand-off costs more than the work (1x128 training 3.8 times slower with 2 threads than with 1 on two idle cores;
 * on a busy machine about 5 times the CPU per token). When ND4J's natives load, the backend therefore gives libnd4j
 * one thread per operation ({@code -Drocklstm.dl4j.op_threads}, default 1) and OpenBLAS
 * {@code -Drocklstm.dl4j.threads} threads (default {@code OMP_NUM_THREADS}, else one per processor). On a 2-core machine
 * where another process keeps one core busy, any second thread spin-waits for its partner; the module's tests set
 * {@code OMP_NUM_THREADS=1}.
 *
 * <p><b>Sessions and threads.</b> DL4J's {@code rnnTimeStep} keeps the recurrent state inside the layers, so two
 * samplers on one network would overwrite each other's state. Here each {@link io.github.rocklstm.model.Session}
 * owns its state (h and c per layer) and passes it to {@code lstmLayer} explicitly; the network itself holds no
 * per-session state, so sessions on different threads run at once under a read lock (a training step takes the
 * write lock), and {@code select(rows)} gathers state rows.
 *
 * <p><b>Memory.</b> Every call computes in a thread-local ND4J workspace ({@code rocklstm-dl4j}) that is reset when the
 * call returns; only parameters, gradients, moments and session states live outside it, and a session copies its new
 * state into its own arrays. ND4J 1.0.0-M2.1 still keeps a little native bookkeeping per array and per operation that
 * only the garbage collector frees, so resident memory rises and falls with the collector. With a fixed heap and a
 * collection before each reading, 100,000 single steps of one session leave ND4J's array bytes flat, while resident
 * memory, with the test run alone, still creeps up by about 250 to 580 bytes a step after warm-up (16 to 41 MB over
 * 70,000 steps in eight runs; {@code Dl4jSessionTest} bounds it at 64 MB), in native memory outside ND4J's and
 * JavaCPP's counters. After the module's other tests the same steps moved it by 0.24 MB (CI run, 2026-12-06), so
 * it depends on the state of the native allocator, which a leak would not; the cause is not proven (see the test).
 * For sampling runs of millions of steps with this backend, watch resident memory, or use the DJL backend, whose
 * resident memory stays flat. Off-heap memory is capped by {@code -Dorg.bytedeco.javacpp.maxbytes} and
 * {@code maxphysicalbytes} (the latter counts the whole process, so set it above -Xmx plus maxbytes).
 *
 * <p><b>Java modules and logging.</b> The module has no {@code module-info.java} (the M2.1 ND4J jars ship broken
 * module descriptors, so it must run on the class path; its {@code Automatic-Module-Name} is
 * {@code io.github.rocklstm.dl4j}). {@code -Dorg.nd4j.log.initialization=false} and the loggers {@code org.nd4j} and
 * {@code org.deeplearning4j} at WARN silence ND4J's start-up lines. Discovery ({@code ServiceLoader},
 * {@code isAvailable()}) looks up resources only: it loads no ND4J class and no native code.
 *
 * <p><b>GPU.</b> With {@code nd4j-native} (the default {@code cpu} Maven profile) the only device is the CPU:
 * {@code Device.gpu(n)} fails with a message saying ND4J runs its CPU backend, and {@code Device.auto()} is the CPU.
 * The {@code cuda} profile swaps in {@code nd4j-cuda-11.6}; then the devices are the GPUs ND4J sees (ND4J runs one
 * backend per JVM, so the CPU is no longer a device) and each call binds its thread to the model's GPU.
 * <b>Unverified:</b> nd4j-cuda-11.6 1.0.0-M2.1 carries code up to sm_86 only, so it cannot run on Hopper GPUs or
 * newer, and it needs the CUDA 11.6 and cuDNN 8.3 runtimes (several GB); no GPU run of this backend exists.
 */
package io.github.rocklstm.dl4j;

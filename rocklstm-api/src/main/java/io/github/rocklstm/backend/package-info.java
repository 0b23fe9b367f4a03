/**
 * The backend service-provider interface: {@link io.github.rocklstm.backend.Backend} (implemented by
 * {@code rocklstm-djl} and {@code rocklstm-dl4j}, found with {@link java.util.ServiceLoader}),
 * {@link io.github.rocklstm.backend.Backends} (picks the backend: the only one present, or the one named by
 * {@code -Drocklstm.backend} / {@code ROCKLSTM_BACKEND}), and {@link io.github.rocklstm.backend.NetworkSequenceModel},
 * the shared {@link io.github.rocklstm.model.SequenceModel} around a backend's
 * {@link io.github.rocklstm.train.TrainableNetwork}.
 *
 * <p>Writing a backend: implement {@code TrainableNetwork} (forward, loss, backward, Adam, sessions, weights in the
 * {@link io.github.rocklstm.model.ParameterLayout} layout), implement {@code Backend} returning
 * {@code NetworkSequenceModel}s, register it in {@code META-INF/services/io.github.rocklstm.backend.Backend}, and
 * extend the contract suite {@code SequenceModelContract} from rocklstm-api's test-jar.
 */
package io.github.rocklstm.backend;

/**
 * The layer contract of matrix backpropagation (§4.2 of Ionescu, Vantzos and Sminchisescu,
 * "Training Deep Networks with Structured Layers by Matrix Backpropagation").
 *
 * <p>A {@link org.mbp.layer.Layer} is a map {@code Y = f(X)} between variables made of matrices.
 * {@link org.mbp.layer.Layer#forward} evaluates f at a point and returns a
 * {@link org.mbp.layer.Linearization}, which keeps what the two linear maps at that point need:
 * <ul>
 *   <li>the <em>variation</em> {@code dY = L(dX) = df(X; dX)} (eq. 9), the first-order change of
 *       the output, {@link org.mbp.layer.Linearization#variation};</li>
 *   <li>the <em>adjoint</em> {@code L*}, defined by {@code ∂L/∂Y : L(dX) = L*(∂L/∂Y) : dX} for the
 *       inner product {@code A : B = Tr(AᵀB)}, so that {@code L*(∂L/∂Y) = ∂(L∘f)/∂X} (eqs. 8 and
 *       10), {@link org.mbp.layer.Linearization#adjoint}: backpropagation applies it to the upstream
 *       gradient.</li>
 * </ul>
 * One forward pass serves any number of variations and adjoints. Layers compose with
 * {@link org.mbp.layer.Layer#then}: variations compose forwards, adjoints backwards (eq. 8).
 *
 * <p>Variables are described by a {@link org.mbp.layer.Space}: the named matrices a variable is
 * made of ({@link org.mbp.layer.MatrixSpace} for one, {@link org.mbp.layer.PairSpace} for a
 * {@link org.mbp.layer.Pair}), each with a {@link org.mbp.layer.Structure} (general, symmetric,
 * symmetric positive definite, diagonal). The structure says which variations are admissible:
 * the paper projects a general dX onto them and transfers the projection onto the gradient (the
 * projected gradient, §4.2), and the verification engine draws its random variations from them.
 *
 * <p>A layer computes on a backend ({@link org.mbp.backend.MatrixOps}), so the same code runs in
 * float, double, high precision or on a GPU. {@link org.mbp.layer.AbstractLayer} holds a layer's
 * name, backend and spaces; {@link org.mbp.layer.Layers} combines layers;
 * {@link org.mbp.layer.Inputs} checks inputs with messages that name the problem;
 * {@link org.mbp.layer.Diagnostics} and {@link org.mbp.layer.SpectrumDiagnostics} report the gaps
 * and conditioning of the spectra a layer met, and a {@link org.mbp.layer.DegenerateSpectrumException}
 * is raised where a derivative does not exist; {@link org.mbp.layer.BatchExecutor} runs a layer over
 * a batch with results independent of the thread count.
 */
package org.mbp.layer;

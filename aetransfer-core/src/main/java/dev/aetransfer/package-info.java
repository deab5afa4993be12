/**
 * Transfer learning with autoencoders and variational autoencoders.
 *
 * <p>Data flows one way through the packages: {@code data} → {@code model}/{@code train} → {@code
 * transfer} → {@code eval} → {@code experiment} → {@code report}. No package reaches back up this
 * chain.
 */
package dev.aetransfer;

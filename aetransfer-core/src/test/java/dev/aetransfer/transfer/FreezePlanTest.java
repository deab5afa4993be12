package dev.aetransfer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aetransfer.data.SampleShape;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.AutoencoderBlock;
import dev.aetransfer.model.Presets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FreezePlanTest {

    private static Autoencoder model;
    private static AutoencoderBlock block;
    private static final TransferOptions OPTIONS = TransferOptions.defaults();

    @BeforeAll
    static void build() {
        model = Autoencoder.create(Presets.named("conv-vae", new SampleShape(1, 16, 16), 4), 1);
        block = model.block();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static FreezePlan plan(String strategy, int epoch) {
        return FreezePlan.of(Strategy.parse(strategy), block, epoch, OPTIONS);
    }

    @Test
    void stages_areNamedInForwardOrder() {
        assertThat(block.stageNames())
                .containsExactly(
                        "encoder.0",
                        "encoder.1",
                        "latent",
                        "decoder.0",
                        "decoder.1",
                        "decoder.out");
    }

    @Test
    void freezeEncoder_freezesEverythingBeforeTheDecoder() {
        assertThat(plan("freeze-encoder", 0).frozenStages())
                .containsExactlyInAnyOrder("encoder.0", "encoder.1", "latent");
        assertThat(plan("freeze-encoder", 0).firstTrainableStage(block)).isEqualTo(3);
    }

    @Test
    void lastLayer_trainsOnlyTheOutput() {
        FreezePlan plan = plan("last-layer", 0);
        assertThat(block.stageNames().stream().filter(plan::trains)).containsExactly("decoder.out");
    }

    @Test
    void gradual_unfreezesOneStagePerEpochFromTheDecoderEnd() {
        assertThat(trained(plan("gradual", 0))).containsExactly("decoder.out");
        assertThat(trained(plan("gradual", 1))).containsExactly("decoder.1", "decoder.out");
        assertThat(trained(plan("gradual", 5))).hasSize(6);
        assertThat(trained(plan("gradual", 9))).hasSize(6);
    }

    private static List<String> trained(FreezePlan plan) {
        return block.stageNames().stream().filter(plan::trains).toList();
    }

    @Test
    void discriminative_growsTheRateGeometricallyTowardsTheOutput() {
        FreezePlan plan = plan("discriminative", 0);
        assertThat(plan.multiplier("decoder.out")).isEqualTo(1f);
        assertThat(plan.multiplier("decoder.1")).isCloseTo(1 / 2.6f, within(1e-6f));
        assertThat(plan.multiplier("encoder.0"))
                .isCloseTo((float) Math.pow(2.6, -5), within(1e-7f));
        assertThat(plan.parameterMultipliers(block)).containsKey("01encoder.0_01Conv2d_weight");
    }

    @Test
    void freezeGlob_freezesTheMatchingStages() {
        assertThat(plan("freeze:encoder.*,latent", 0).frozenStages())
                .containsExactlyInAnyOrder("encoder.0", "encoder.1", "latent");
        assertThat(plan("freeze:decoder.?", 0).frozenStages())
                .containsExactlyInAnyOrder("decoder.0", "decoder.1");
    }

    @Test
    void freezeGlob_thatMatchesNoStage_isRefusedWithTheStages() {
        assertThatThrownBy(() -> plan("freeze:encoder.*,middle", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        """
                        freeze:middle matches no stage; the stages are encoder.0, encoder.1, \
                        latent, decoder.0, decoder.1, decoder.out""");
    }

    @Test
    void unknownStrategy_isRefusedWithTheChoices() {
        assertThatThrownBy(() -> Strategy.parse("freeze-all"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        """
                        unknown strategy freeze-all; choose one of scratch, pretrained, \
                        freeze-encoder, last-layer, full, discriminative, gradual, adapters, \
                        freeze:GLOB""");
    }

    @Test
    void parseList_keepsGlobsWithTheirFreezeStrategy() {
        assertThat(Strategy.parseList("full,freeze:encoder.*,latent,gradual"))
                .extracting(Strategy::name)
                .containsExactly("full", "freeze:encoder.*,latent", "gradual");
        assertThat(Strategy.parseList("all")).hasSize(8);
    }
}

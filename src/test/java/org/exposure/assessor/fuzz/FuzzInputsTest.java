package org.exposure.assessor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The fuzzer's own parts, without the service: inputs repeat from their seed, refusals are read from the tree. */
class FuzzInputsTest {
    private static final Inputs INPUTS = new Inputs();

    @Test
    void theSameSeedMakesTheSameInputsAndAnotherSeedOthers() {
        for (String target : List.of("assessments", "batches", "lists")) {
            for (long i = 0; i < 40; i++) {
                FuzzInput a = make(target, Fuzzing.inputSeed(7, target, i));
                FuzzInput b = make(target, Fuzzing.inputSeed(7, target, i));
                assertThat(a.body()).as("%s input %d", target, i).isEqualTo(b.body());
                assertThat(a.headers()).isEqualTo(b.headers());
                assertThat(a.how()).isEqualTo(b.how());
                assertThat(a.chunked()).isEqualTo(b.chunked());
            }
            long differ = java.util.stream.LongStream.range(0, 40).filter(i -> !Arrays.equals(
                    make(target, Fuzzing.inputSeed(7, target, i)).body(),
                    make(target, Fuzzing.inputSeed(8, target, i)).body())).count();
            assertThat(differ).as("%s inputs that differ between seeds 7 and 8", target).isGreaterThan(30);
        }
    }

    private static FuzzInput make(String target, long seed) {
        Mutator m = new Mutator(seed);
        return switch (target) {
            case "assessments" -> INPUTS.assessment(m);
            case "batches" -> INPUTS.batch(m);
            default -> INPUTS.list(m);
        };
    }

    @Test
    void everySeedIsAcceptableAsItIs() {
        assertThat(INPUTS.seeds()).hasSizeGreaterThanOrEqualTo(3);
        INPUTS.seeds().forEach(s -> assertThat(Refusals.of(Json.parse(s))).as(s).isEmpty());
    }

    @Test
    void refusalsAreReadFromTheFinalTree() {
        assertThat(Refusals.of(Json.parse("{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"hsCode\":\"854231\"}")))
                .containsExactly("the key hsCode twice");
        assertThat(Refusals.of(Json.parse("{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"hscode\":\"1\"}")))
                .containsExactly("the unknown field hscode");
        assertThat(Refusals.of(Json.parse("{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"date\":20240912}")))
                .containsExactly("a number as the date date");
        assertThat(Refusals.of(Json.parse("{\"type\":\"SUPPLIER\",\"name\":\"\\u200b\\u200d\"}")))
                .containsExactly("a name of invisible characters only at name");
        // A GOODS name is optional, so one that shows nothing need not be refused.
        assertThat(Refusals.of(Json.parse("{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"name\":\"\\u200b\"}"))).isEmpty();
        assertThat(Refusals.of(Json.parse("{\"type\":\"BANK\",\"name\":\"B\",\"russiaPaymentShare\":1.0000000000000000001,"
                + "\"payments\":[{\"amountUsd\":-1,\"date\":\"+999999999-12-31\"}]}"))).containsExactly(
                        "russiaPaymentShare 1.0000000000000000001 outside 0..1", "a negative amount -1 at payments[0].amountUsd",
                        "the date +999999999-12-31 at payments[0].date");
        // A key duplicated under a field the mutations then removed is no reason any more.
        Json.Obj o = (Json.Obj) Json.parse("{\"type\":\"SUPPLIER\",\"name\":\"S\",\"owners\":[{\"name\":\"A\",\"name\":\"B\",\"sharePercent\":1}]}");
        assertThat(Refusals.of(o)).containsExactly("the key owners[0].name twice");
        o.fields.removeIf(f -> f.key.equals("owners"));
        assertThat(Refusals.of(o)).isEmpty();
    }

    @Test
    void listCutsKeepWholeRecords() {
        String xml = "<?xml version=\"1.0\"?>\n<L>\n  <E>1</E>\n  <E>2</E>\n  <E>3</E>\n</L>\n";
        assertThat(Inputs.keepFirst(xml, "E", 2)).isEqualTo("<?xml version=\"1.0\"?>\n<L>\n  <E>1</E>\n  <E>2</E>\n</L>\n");
        assertThat(Inputs.keepFirst(xml, "E", 5)).isEqualTo(xml);
    }
}

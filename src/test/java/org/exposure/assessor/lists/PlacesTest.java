package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Leningrad, Russia|Leningrad",
            "Nahia, Giza, Egypt|Nahia",
            "Najf Al Ashraf (Najaf), Iraq|Najf Al Ashraf",
            "Egypt|NULL",
            "Kigali|Kigali",
            "' '|NULL"})
    void cityOfPlace(String place, String city) {
        assertThat(Places.cityOfPlace(place)).isEqualTo(city);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Moscow 125130|Moscow",
            "London EC3N 1DY|London",
            "Zurich CH-8022|Zurich",
            "Cancun, Quintana Roo|Cancun",
            "Panama City|Panama City",
            "Tokyo 103|Tokyo",
            "75159|NULL"})
    void cityOfAddressLine(String line, String city) {
        assertThat(Places.cityOfAddressLine(line)).isEqualTo(city);
    }
}

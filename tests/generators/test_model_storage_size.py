"""model_storage_size: FE-Q3's 553.43 MB / 527.79 MiB, counts rebuilt from the layer lists, a
hand-checked instance, slips and bad parameters."""

from generators.feature_extraction.model_storage_size import FAMILY, count
from tests.kit_helpers import assert_graded, assert_oracle, assert_refused


def test_book_instance_gives_the_books_numbers():
    # 138,357,544 · 4 = 553,430,176 bytes = 553.43 MB = 527.79 MiB; float16 halves it
    assert_graded(
        FAMILY.from_params(FAMILY.book_params),
        [
            ("size_mb", "553.43", "correct"),
            ("size_mb", "527.79", "mib_for_mb"),
            ("size_mb", "4427.4", "bits_not_bytes"),
            ("size_mib", "527.79", "correct"),
            ("size_mib", "553.43", "mb_for_mib"),
            ("converted_mb", "276.7", "correct"),
            ("converted_mb", "553.4", "format_unchanged"),
            ("converted_mb", "1106.9", "ratio_inverted"),
        ],
    )


def test_published_counts_are_rebuilt_from_the_layers():
    # torchvision's published totals, computed here from conv/fc shapes, not quoted
    assert count("VGG16") == 138_357_544
    assert count("VGG19") == 143_667_240
    assert count("VGG11") == 132_863_336
    assert count("AlexNet") == 61_100_840
    assert "VGG16's count" in FAMILY.from_params(FAMILY.book_params).solution


def test_hand_checked_int8_instance():
    # 25,000,000 int8 parameters: 25 MB, 25e6/1,048,576 = 23.84 MiB; to float16: 50 MB
    params = {"model": "unnamed", "parameters": 25_000_000, "dtype": "int8", "converted": "float16"}
    assert_graded(
        FAMILY.from_params(params),
        [
            ("size_mb", "25", "correct"),
            ("size_mb", "100", "four_bytes_assumed"),
            ("size_mib", "23.84", "correct"),
            ("converted_mb", "50", "correct"),
        ],
    )


def test_matches_a_float_oracle():
    sizes = {"float64": 8, "float32": 4, "float16": 2, "bfloat16": 2, "int8": 1}

    def oracle(p):
        size = p["parameters"] * sizes[p["dtype"]]
        return {
            "size_mb": size / 1e6,
            "size_mib": size / 1024**2,
            "converted_mb": p["parameters"] * sizes[p["converted"]] / 1e6,
        }

    assert_oracle(FAMILY, oracle)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        FAMILY.book_params,
        [("parameters", 143_667_240), ("converted", "float32"), ("dtype", "int4")],
    )

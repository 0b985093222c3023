package kioskvote.web;

/** A request that could not be read (bad JSON, a body too large, a missing field): answered with 4xx, nothing changed. */
public class BadRequest extends RuntimeException {
    private final ApiError error;

    public BadRequest(ApiError error) {
        super(error.en());
        this.error = error;
    }

    public ApiError error() {
        return error;
    }

    public static BadRequest badJson() {
        return new BadRequest(new ApiError(400, "bad_json", "Nội dung gửi lên không phải JSON hợp lệ.",
                "The request body is not valid JSON of the expected shape."));
    }

    public static BadRequest tooLarge() {
        return new BadRequest(new ApiError(413, "body_too_large", "Nội dung gửi lên quá lớn.", "The request body is too large."));
    }

    public static BadRequest missing(String field) {
        return new BadRequest(new ApiError(400, "missing_field", "Thiếu trường \"" + field + "\".", "The field \"" + field + "\" is missing."));
    }

    public static BadRequest wrongType(String field) {
        return new BadRequest(new ApiError(400, "wrong_type", "Trường \"" + field + "\" có kiểu không đúng (ví dụ số phải là số nguyên viết bằng chữ số, không đặt trong ngoặc kép).",
                "The field \"" + field + "\" has the wrong type (for example a count must be a whole number in digits, not in quotes)."));
    }
}

package example;

/** The greeter's output: a plain bean, written as JSON through its getters. */
public class Greeting {
    private String message;
    private String language;

    public Greeting() {
    }

    public Greeting(String message, String language) {
        this.message = message;
        this.language = language;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}

package example;

/** The greeter's input: a plain bean, filled by the Lambda runtime through its no-argument constructor and setters. */
public class Person {
    private String name;
    private String language;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}

package example;

import com.amazonaws.services.lambda.runtime.Context;
import dev.localfaas.api.Function;
import java.util.Map;

/**
 * A handler that implements no interface: AWS calls the method named in the handler string
 * {@code example.Greeter::greet}, here marked with {@code @Function}. The event's JSON is read into a
 * {@link Person} through its setters, and the returned {@link Greeting} is written as JSON through its getters.
 */
public class Greeter {

    private static final Map<String, String> HELLO = Map.of(
            "en", "Hello", "fr", "Bonjour", "de", "Hallo", "es", "Hola", "it", "Ciao");

    @Function(name = "greeter")
    public Greeting greet(Person person, Context context) {
        String name = person == null || person.getName() == null ? "stranger" : person.getName();
        String language = person == null || person.getLanguage() == null ? "en" : person.getLanguage();
        String hello = HELLO.getOrDefault(language, HELLO.get("en"));
        context.getLogger().log("greeter: " + language + " greeting for " + name + "\n");
        return new Greeting(hello + ", " + name + "!", language);
    }
}

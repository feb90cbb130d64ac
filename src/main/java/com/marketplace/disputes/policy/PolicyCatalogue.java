package com.marketplace.disputes.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rules a dispute is decided by, as the policy owner keeps them in {@code policy/rules.yaml}:
 * each with a stable id and, per language, a title and a short text for the parties. Read once at
 * start-up; a file that breaks the catalogue's shape stops the service from starting rather than
 * letting a decision name a rule nobody can read.
 */
@Component
public class PolicyCatalogue {

  public static final String RESOURCE = "policy/rules.yaml";
  /** Every rule has its words in each of these; the first is used for any other language. */
  public static final List<String> LANGUAGES = List.of("en", "de");

  /** One rule: its id, whether mediators may still apply it, and its words per language. */
  public record Rule(String id, boolean retired, Map<String, RuleText> texts) {

    public RuleText in(Locale locale) {
      RuleText text = locale == null ? null : texts.get(locale.getLanguage());
      return text != null ? text : texts.get(LANGUAGES.get(0));
    }
  }

  private final int version;
  private final Map<String, Rule> rules;

  public PolicyCatalogue() {
    this(new ClassPathResource(RESOURCE));
  }

  PolicyCatalogue(ClassPathResource resource) {
    Map<String, Object> file;
    try (InputStream in = resource.getInputStream()) {
      file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the policy catalogue " + resource, e);
    }
    this.version = file.get("version") instanceof Integer v ? v : 0;
    Map<String, Rule> read = new LinkedHashMap<>();
    for (Object entry : list(file.get("rules"))) {
      Rule rule = rule(map(entry));
      if (read.put(rule.id(), rule) != null) {
        throw new IllegalStateException("Policy catalogue: rule " + rule.id() + " twice");
      }
    }
    if (read.isEmpty()) {
      throw new IllegalStateException("Policy catalogue " + resource + " has no rules");
    }
    this.rules = read;
  }

  public int version() {
    return version;
  }

  /** Every rule in the catalogue's order, retired ones included. */
  public Collection<Rule> all() {
    return rules.values();
  }

  /** The rules mediators may apply now, in the catalogue's order, worded in {@code locale}. */
  public List<RuleText> current(Locale locale) {
    return rules.values().stream().filter(rule -> !rule.retired()).map(rule -> rule.in(locale))
        .toList();
  }

  public Optional<Rule> find(String id) {
    return Optional.ofNullable(id == null ? null : rules.get(id));
  }

  /** Whether a decision made now may name the rule. */
  public boolean applicable(String id) {
    return find(id).filter(rule -> !rule.retired()).isPresent();
  }

  /**
   * The named rules worded in {@code locale}, in the catalogue's order; an id the catalogue no
   * longer has (a record older than the file) is shown as its id.
   */
  public List<RuleText> texts(Collection<String> ids, Locale locale) {
    List<RuleText> texts = new ArrayList<>();
    rules.values().stream().filter(rule -> ids.contains(rule.id()))
        .forEach(rule -> texts.add(rule.in(locale)));
    ids.stream().filter(id -> !rules.containsKey(id)).distinct()
        .forEach(id -> texts.add(new RuleText(id, id, "")));
    return texts;
  }

  private static Rule rule(Map<String, Object> entry) {
    Object id = entry.get("id");
    if (!(id instanceof String text) || !text.matches("[A-Z][A-Z0-9_]{1,63}")) {
      throw new IllegalStateException("Policy catalogue: a rule's id must be upper-case letters, "
          + "digits and underscores, not " + id);
    }
    Map<String, RuleText> texts = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      Map<String, Object> words = map(entry.get(language));
      String title = words.get("title") instanceof String t ? t.trim() : "";
      String body = words.get("text") instanceof String t ? t.trim() : "";
      if (title.isEmpty() || body.isEmpty()) {
        throw new IllegalStateException("Policy catalogue: rule " + text + " has no "
            + language + " title or text");
      }
      texts.put(language, new RuleText(text, title, body));
    }
    return new Rule(text, Boolean.TRUE.equals(entry.get("retired")), texts);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}

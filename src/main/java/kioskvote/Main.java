package kioskvote;
public class Main { public static void main(String[] a) {
  var e = gg.jte.TemplateEngine.createPrecompiled(gg.jte.ContentType.Html);
  var out = new gg.jte.output.StringOutput();
  e.render("hello.jte", java.util.Map.of("name", "<An>"), out);
  System.out.println(out);
} }

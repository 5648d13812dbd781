package dev.otapress.render;

import dev.otapress.output.OutputFile;

import java.nio.file.Path;
import java.util.function.Function;

/** A page planned now and rendered from its template when its turn comes, unless the previous output has it. */
final class Pages {
    private Pages() {
    }

    static OutputKind.Planned page(String path, Path origin, String template, Function<Views, PageModel> model) {
        return new OutputKind.Planned(path, origin, (context, report) -> {
            PageModel m = model.apply(context.views());
            OutputFile earlier = context.reuse().page(path, template, m);
            if (earlier != null) return earlier;
            try {
                return new OutputFile.Bytes(path, context.templates().render(template, context.views().complete(m)));
            } catch (Templates.TemplateFailure e) {
                report.accept(e.diagnostic());
                return null;
            }
        });
    }
}

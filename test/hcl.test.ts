import type { TfNode } from "../src/synth/document.js";
import { assignmentToHcl, nodeToHcl, quoteTemplate } from "../src/render/hcl.js";
import { splitTemplate, wholeExpression } from "../src/render/template-string.js";

describe("template strings", () => {
  test("recognises a string that is exactly one expression", () => {
    expect(wholeExpression("${var.name}")).toBe("var.name");
    expect(wholeExpression('${join(", ", [for s in x : "${s}-a"])}')).toBe('join(", ", [for s in x : "${s}-a"])');
    expect(wholeExpression("${{ for k, v in x : k => v }}")).toBe("{ for k, v in x : k => v }");
    expect(wholeExpression("${var.a}-${var.b}")).toBeUndefined();
    expect(wholeExpression("prefix-${var.a}")).toBeUndefined();
    expect(wholeExpression("$${literal}")).toBeUndefined();
  });

  test("splits literal text from interpolations", () => {
    expect(splitTemplate('a "${join(", ", var.x)}" b')).toEqual([
      { literal: true, text: 'a "' },
      { literal: false, text: '${join(", ", var.x)}' },
      { literal: true, text: '" b' },
    ]);
    expect(() => splitTemplate("${unterminated")).toThrow(SyntaxError);
  });

  test("escapes only the literal parts when quoting", () => {
    expect(quoteTemplate('say "hi"\\ ${join(", ", var.x)}\n')).toBe('"say \\"hi\\"\\\\ ${join(", ", var.x)}\\n"');
  });
});

describe("HCL printer", () => {
  const node = (body: TfNode["body"], shape: TfNode["shape"] = {}): TfNode => ({ kind: "resource", labels: ["aws_thing", "this"], body, shape });

  test("aligns one-line attributes, puts meta-arguments first and lifecycle last", () => {
    const hcl = nodeToHcl(
      node(
        {
          vpc_id: "${aws_vpc.this.id}",
          for_each: "${toset(var.ids)}",
          lifecycle: { precondition: [{ error_message: "no", condition: "${true}" }] },
          long_attribute_name: 1,
          tags: { Name: "${var.name}", "a:b": "c" },
          filter: [{ name: "zone-id", values: ["a", "b"] }],
          depends_on: ["aws_vpc.this"],
        },
        { filter: {}, lifecycle: { precondition: {} } },
      ),
    );
    expect(hcl).toBe(
      [
        'resource "aws_thing" "this" {',
        "  for_each = toset(var.ids)",
        "",
        "  vpc_id              = aws_vpc.this.id",
        "  long_attribute_name = 1",
        "  tags = {",
        "    Name  = var.name",
        '    "a:b" = "c"',
        "  }",
        "",
        "  filter {",
        '    name   = "zone-id"',
        '    values = ["a", "b"]',
        "  }",
        "",
        "  depends_on = [aws_vpc.this]",
        "",
        "  lifecycle {",
        "    precondition {",
        "      condition     = true",
        '      error_message = "no"',
        "    }",
        "  }",
        "}",
      ].join("\n"),
    );
  });

  test("breaks long lists over lines with trailing commas and prints empty blocks compactly", () => {
    const long = Array.from({ length: 6 }, (_, i) => `arn:aws:service:region:123456789012:thing/${i}`);
    expect(assignmentToHcl("resources", long)).toBe(["resources = [", ...long.map((a) => `  "${a}",`), "]"].join("\n"));
    expect(nodeToHcl({ kind: "data", labels: ["aws_partition", "current"], body: {}, shape: {} })).toBe('data "aws_partition" "current" {}');
  });

  test("writes a variable's type as a type expression", () => {
    const hcl = nodeToHcl({ kind: "variable", labels: ["ids"], body: { default: ["a"], description: "IDs.", type: "list(string)" }, shape: { validation: {} } });
    expect(hcl).toBe(['variable "ids" {', "  type        = list(string)", '  description = "IDs."', '  default     = ["a"]', "}"].join("\n"));
  });
});

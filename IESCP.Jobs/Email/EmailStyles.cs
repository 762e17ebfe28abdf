namespace IESCP.Jobs.Email;

/// <summary>
/// The one style sheet of emails and of the pages that show the same content (a report): mail
/// clients drop external style sheets, so it travels inside each message, and pages include it too.
/// </summary>
public static class EmailStyles
{
    public const string Css = """
        .iescp-mail { font-family: Roboto, Helvetica, Arial, sans-serif; color: #212121; line-height: 1.45; max-width: 46rem; }
        .iescp-mail h1 { font-size: 1.4rem; margin: 0 0 0.75rem; }
        .iescp-mail h2 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
        .iescp-mail .muted { color: #616161; }
        .iescp-mail a { color: #3f51b5; }
        .iescp-mail .button { display: inline-block; padding: 0.5rem 1rem; border-radius: 0.35rem; background: #3f51b5; color: #fff; text-decoration: none; }
        .iescp-mail .items { padding-left: 1.1rem; }
        .iescp-mail .items li { margin: 0.3rem 0; }
        .iescp-report { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
        .iescp-report th, .iescp-report td { border-bottom: 1px solid #e0e0e0; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
        .iescp-report td.num, .iescp-report th.num { text-align: right; white-space: nowrap; }
        .iescp-report tfoot td { font-weight: 700; }
        .iescp-bar { height: 0.6rem; background: #e8eaf6; border-radius: 0.3rem; min-width: 6rem; }
        .iescp-bar span { display: block; height: 100%; background: #3f51b5; border-radius: 0.3rem; }
        .iescp-figures { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.5rem 0 1rem; }
        .iescp-figures div { min-width: 8rem; }
        .iescp-figures strong { display: block; font-size: 1.25rem; }
        .iescp-footer { margin-top: 1.5rem; font-size: 0.85rem; color: #757575; }
        """;
}

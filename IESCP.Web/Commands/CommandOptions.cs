using System.Globalization;

namespace IESCP.Web.Commands;

/// <summary>
/// The "--name value" options of a command. Arguments with a colon (--ConnectionStrings:Iescp=...)
/// are configuration, read by the host as usual, and skipped here.
/// </summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.OrdinalIgnoreCase);

    private CommandOptions()
    {
    }

    public static CommandOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }

            var (name, inline) = arg[2..].Split('=', 2) is [var n, var v] ? (n, v) : (arg[2..], null);
            var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "");
            if (name.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Unknown option --{name}. Known: {string.Join(", ", known.Select(k => "--" + k))}.");
            }

            if (!options.values.TryGetValue(name, out var list))
            {
                options.values[name] = list = [];
            }

            list.Add(value);
        }

        return options;
    }

    public int Int(string name, int fallback, int min = 0)
    {
        if (!values.TryGetValue(name, out var list))
        {
            return fallback;
        }

        return int.TryParse(list[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"--{name} takes a whole number of at least {min}.");
    }

    /// <summary>
    /// A yes/no option. It always takes a value (--cold-start false): the host reads the same
    /// arguments as configuration, where a bare "--name" would swallow the next argument as its value.
    /// </summary>
    public bool Bool(string name, bool fallback) =>
        !values.TryGetValue(name, out var list) ? fallback
        : bool.TryParse(list[^1], out var value) ? value
        : throw new ArgumentException($"--{name} takes true or false.");

    public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];
}

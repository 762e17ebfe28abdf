using System.Diagnostics;
using System.Text;
using System.Text.Json;
using IESCP.Data.Database;
using IESCP.Tests.Infrastructure;
using IESCP.Web;

namespace IESCP.Tests.Web;

/// <summary>
/// The built app started as an operator starts it, with the variables `dotnet run` sets from the
/// launch profile: an explicit Production wins, and Production refuses the published password.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProductionStartTests
{
    [Fact]
    public async Task Production_refuses_the_development_password_published_with_the_source()
    {
        var run = await StartAsync("Production", AdminAccountOptions.RepositoryPassword, stopAfter: null);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Admin:Password is the development password published with the source code", run.Output);
    }

    [Fact]
    public async Task Production_requires_an_admin_password_for_a_new_database()
    {
        var run = await StartAsync("Production", adminPassword: null, stopAfter: null);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("set Admin:Email and Admin:Password", run.Output);
    }

    [Fact]
    public async Task An_explicit_production_environment_wins_over_the_launch_profiles_default()
    {
        var run = await StartAsync("Production", "Own#Secret2026", stopAfter: "Now listening on");

        Assert.Contains("Hosting environment: Production", run.Output);
        Assert.DoesNotContain("Admin login:", run.Output);
        // Stopped as a service manager stops it, the app leaves the record its next start compiles ahead from.
        Assert.True(run.JitProfileBytes > 0, $"No {StartupJitProfile.FileName} in the data folder after the app stopped.");
    }

    [Fact]
    public void The_published_development_password_is_the_one_the_repository_settings_give()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot, "appsettings.Development.json")));
        Assert.Equal(AdminAccountOptions.RepositoryPassword, settings.RootElement.GetProperty("Admin").GetProperty("Password").GetString());
    }

    /// <summary>
    /// Runs the built app until <paramref name="stopAfter"/> appears in its output, then stops it as
    /// an operator's service manager does (SIGTERM), so everything it wrote while starting is read;
    /// or, without one, until it exits. (A SIGKILL at "Now listening on" lost the lines that follow
    /// it, the hosting environment's among them, once.)
    /// </summary>
    private static async Task<(int ExitCode, string Output, long JitProfileBytes)> StartAsync(string environment, string? adminPassword, string? stopAfter)
    {
        var folder = TempFolder.Create("iescp-prod-");
        var start = AppProcess.BuiltApp(folder);
        start.ArgumentList.Add($"--ConnectionStrings:Iescp=Data Source={Path.Combine(folder, "iescp.db")}");
        start.ArgumentList.Add("--Urls=http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["IESCP_DEFAULT_ENVIRONMENT"] = "Development"; // what the launch profile sets
        if (adminPassword is not null)
        {
            start.Environment["Admin__Password"] = adminPassword;
        }

        var output = new StringBuilder();
        var seen = new TaskCompletionSource();
        using var process = new Process { StartInfo = start };
        void Record(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (stopAfter is not null && line.Contains(stopAfter, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Task.WhenAny(seen.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(60));
            if (!process.HasExited)
            {
                Signals.Send(process, "-TERM");
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }

            await process.WaitForExitAsync();
            var profile = new FileInfo(Path.Combine(folder, "App_Data", StartupJitProfile.FileName));
            lock (output)
            {
                return (process.ExitCode, output.ToString(), profile.Exists ? profile.Length : 0);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            TempFolder.Delete(folder);
        }
    }
}

using Kiln.Testing;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kiln.E2E.Tests;

/// <summary>
/// The platform on 127.0.0.1 and a free port over a fresh store, and Debian's chromium, headless, driven by Playwright.
/// Each page a test looks at is saved as a screenshot under TestResults/screenshots.
/// </summary>
public sealed class BrowserPlatform : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryFolder.Root, "TestResults", "screenshots");

    readonly TemporaryFolder _store;
    readonly WebApplication _app;
    readonly IPlaywright _playwright;

    BrowserPlatform(TemporaryFolder store, WebApplication app, IPlaywright playwright, IBrowser browser)
    {
        (_store, _app, _playwright, Browser) = (store, app, playwright, browser);
        Address = Server.KilnServer.AddressOf(app);
    }

    public Uri Address { get; }

    /// <summary>The platform's tracking store, for recording what a test needs beforehand (runs the command line would make).</summary>
    public TrackingStore Tracking => _app.Services.GetRequiredService<TrackingStore>();

    /// <summary>A folder that lives as long as the platform, for files a test writes.</summary>
    public string Folder => _store.Path;

    public IBrowser Browser { get; }

    /// <summary>Starts both; skips the test, saying why, when chromium is not installed.</summary>
    public static async Task<BrowserPlatform> StartAsync()
    {
        if (!File.Exists(Chromium))
            Assert.Skip($"{Chromium} is missing: ./test.sh installs Debian's chromium with apt when run as root");
        var store = new TemporaryFolder();
        // as `kiln up` runs it: the model endpoints answer programs with an API key and the pages with their session
        var app = await Server.KilnServer.BuildAsync(new Server.ServerOptions { Port = 0, Tracking = new TrackingOptions { Home = store.Path }, RequireApiKey = true });
        await app.StartAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu"],
        });
        return new BrowserPlatform(store, app, playwright, browser);
    }

    /// <summary>A fresh browser profile (no cookies) at the given window size, 1280×800 unless asked otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves the page as TestResults/screenshots/<paramref name="name"/>.png: the whole page, or only the window when <paramref name="fullPage"/> is false.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });
    }

    /// <summary>Waits until the page's live connection is up, so that its buttons and uploads answer.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>
    /// Clicks <paramref name="opener"/>, then <paramref name="link"/> in what it opened, again while the link does not
    /// answer: a live page can still be settling when the clicks arrive (on a phone MudBlazor closes the drawer once it
    /// has measured the screen, so a drawer opened too early closes under the click).
    /// </summary>
    public static async Task OpenAndFollowAsync(ILocator opener, ILocator link, int attempts = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            await opener.ClickAsync();
            try
            {
                await link.ClickAsync(new LocatorClickOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < attempts)
            {
            }
        }
    }

    /// <summary>The page's file input, reloading the page when the live connection came up without it (at most twice).</summary>
    public static async Task<ILocator> FileInputAsync(IPage page)
    {
        var input = page.Locator("input[type=file]");
        for (var attempt = 1; ; attempt++)
        {
            await WaitUntilInteractiveAsync(page);
            try
            {
                await input.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 10_000 });
                return input;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await page.ReloadAsync();
            }
        }
    }

    /// <summary>
    /// Uploads <paramref name="file"/> through the page's file input and waits for <paramref name="uploaded"/>; once more
    /// after a reload when the file was not taken up (the live connection can drop a file given to it while it settles).
    /// </summary>
    public static async Task UploadAsync(IPage page, string file, ILocator uploaded)
    {
        await (await FileInputAsync(page)).SetInputFilesAsync(file);
        try
        {
            await uploaded.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            await page.ReloadAsync();
            if (await uploaded.CountAsync() == 0)
                await (await FileInputAsync(page)).SetInputFilesAsync(file);
            await uploaded.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
    }
}

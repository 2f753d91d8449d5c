//! Which renderer draws the window, and the order to fall back in when one cannot.
//!
//! A technician's desk is often the worst place for graphics: a VM with a basic display
//! adapter, a remote-desktop session, an old driver, or wine (whose DX12 device is lost as
//! soon as a surface is made). One renderer failing must not mean "no window", so the window
//! is tried with each renderer in turn: wgpu on the OS's own API first (DX12, Metal), then
//! Vulkan, then wgpu's OpenGL backend, then egui's own OpenGL renderer (glow). Only backends
//! compiled into this build are tried. The choice logic here is pure; `gui::run` does the trying.
//!
//! `DESKCHECK_RENDERER` forces one renderer (`dx12`, `metal`, `vulkan`, `gl`, `glow`; `auto` is
//! the default order). wgpu's own `WGPU_BACKEND` (e.g. `vulkan`) is honoured as a preference: the
//! backends it names are tried first, the rest of the order still follows.

use std::fmt;

use eframe::egui_wgpu::wgpu;
use thiserror::Error;

/// The variable that forces one renderer.
pub const RENDERER_VAR: &str = "DESKCHECK_RENDERER";
/// wgpu's own backend variable; names backends to prefer.
pub const WGPU_BACKEND_VAR: &str = "WGPU_BACKEND";

/// One way of drawing the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// wgpu on Direct3D 12 (Windows).
    Dx12,
    /// wgpu on Metal (macOS).
    Metal,
    /// wgpu on Vulkan (Linux, Windows; Mesa's lavapipe draws without a GPU).
    Vulkan,
    /// wgpu on OpenGL / OpenGL ES (WGL on Windows, EGL on Linux).
    WgpuGl,
    /// egui's own OpenGL renderer through glutin: the last resort, it asks the least of a driver.
    Glow,
}

impl Renderer {
    /// Every renderer, in the order they are tried when nothing is forced.
    pub const FALLBACK_ORDER: [Renderer; 5] =
        [Renderer::Dx12, Renderer::Metal, Renderer::Vulkan, Renderer::WgpuGl, Renderer::Glow];

    /// The name `DESKCHECK_RENDERER` takes and the log shows.
    pub fn name(self) -> &'static str {
        match self {
            Renderer::Dx12 => "dx12",
            Renderer::Metal => "metal",
            Renderer::Vulkan => "vulkan",
            Renderer::WgpuGl => "gl",
            Renderer::Glow => "glow",
        }
    }

    /// The wgpu backend this renderer asks for; `None` for glow, which does not use wgpu.
    pub fn wgpu_backends(self) -> Option<wgpu::Backends> {
        match self {
            Renderer::Dx12 => Some(wgpu::Backends::DX12),
            Renderer::Metal => Some(wgpu::Backends::METAL),
            Renderer::Vulkan => Some(wgpu::Backends::VULKAN),
            Renderer::WgpuGl => Some(wgpu::Backends::GL),
            Renderer::Glow => None,
        }
    }

    /// Whether this build can use the renderer at all: wgpu backends are compiled per OS
    /// (`compiled` is `wgpu::Instance::enabled_backend_features()`); glow always is.
    pub fn is_compiled(self, compiled: wgpu::Backends) -> bool {
        self.wgpu_backends().is_none_or(|b| compiled.contains(b))
    }

    fn from_name(name: &str) -> Option<Renderer> {
        Renderer::FALLBACK_ORDER.into_iter().find(|r| r.name().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self {
            Renderer::Dx12 => "wgpu on Direct3D 12",
            Renderer::Metal => "wgpu on Metal",
            Renderer::Vulkan => "wgpu on Vulkan",
            Renderer::WgpuGl => "wgpu on OpenGL",
            Renderer::Glow => "egui's own OpenGL renderer",
        };
        write!(f, "{} ({what})", self.name())
    }
}

/// What the user asked for through `DESKCHECK_RENDERER`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// Try every compiled renderer in the fallback order.
    Auto,
    /// Use this one only: a technician proving one path, or avoiding a driver known to hang.
    Only(Renderer),
}

/// Why no window could be drawn, or the renderer request is not understood.
#[derive(Debug, Error)]
pub enum RendererError {
    #[error("{variable}={value:?} names no renderer; use one of auto, dx12, metal, vulkan, gl, glow")]
    UnknownRenderer { variable: &'static str, value: String },
    #[error("{variable}={renderer} asks for a renderer this build of deskcheck does not have on this system")]
    NotCompiled { variable: &'static str, renderer: &'static str },
}

impl Request {
    /// Reads `DESKCHECK_RENDERER` (unset or empty = auto).
    pub fn parse(value: Option<&str>) -> Result<Request, RendererError> {
        let value = value.map(str::trim).unwrap_or("");
        if value.is_empty() || value.eq_ignore_ascii_case("auto") {
            return Ok(Request::Auto);
        }
        Renderer::from_name(value)
            .map(Request::Only)
            .ok_or_else(|| RendererError::UnknownRenderer { variable: RENDERER_VAR, value: value.to_string() })
    }
}

/// The renderers to try, in order. `wgpu_backend_var` is `WGPU_BACKEND`'s value: the backends it
/// names move to the front (unknown words in it are ignored, as wgpu itself ignores them).
pub fn plan(
    request: Request,
    compiled: wgpu::Backends,
    wgpu_backend_var: Option<&str>,
) -> Result<Vec<Renderer>, RendererError> {
    if let Request::Only(renderer) = request {
        if !renderer.is_compiled(compiled) {
            return Err(RendererError::NotCompiled { variable: RENDERER_VAR, renderer: renderer.name() });
        }
        return Ok(vec![renderer]);
    }
    let preferred = wgpu_backend_var.map(wgpu::Backends::from_comma_list).unwrap_or(wgpu::Backends::empty());
    let available = Renderer::FALLBACK_ORDER.into_iter().filter(|r| r.is_compiled(compiled));
    let (mut first, rest): (Vec<_>, Vec<_>) =
        available.partition(|r| r.wgpu_backends().is_some_and(|b| preferred.contains(b)));
    first.extend(rest);
    Ok(first)
}

/// One renderer that could not draw the window, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub renderer: Renderer,
    pub reason: String,
}

/// The whole story of the start-up, for the error message when nothing worked.
pub fn describe_failures(failures: &[Failure]) -> String {
    if failures.is_empty() {
        return "no renderer was tried".to_string();
    }
    failures.iter().map(|f| format!("{}: {}", f.renderer, f.reason)).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const WINDOWS: wgpu::Backends = wgpu::Backends::DX12.union(wgpu::Backends::VULKAN).union(wgpu::Backends::GL);
    const LINUX: wgpu::Backends = wgpu::Backends::VULKAN.union(wgpu::Backends::GL);
    const MACOS: wgpu::Backends = wgpu::Backends::METAL;

    #[test]
    fn auto_tries_the_os_api_then_vulkan_then_gl_then_glow() {
        use Renderer::*;
        assert_eq!(plan(Request::Auto, WINDOWS, None).unwrap(), vec![Dx12, Vulkan, WgpuGl, Glow]);
        assert_eq!(plan(Request::Auto, LINUX, None).unwrap(), vec![Vulkan, WgpuGl, Glow]);
        assert_eq!(plan(Request::Auto, MACOS, None).unwrap(), vec![Metal, Glow]);
    }

    #[test]
    fn glow_is_left_when_wgpu_has_no_backend_at_all() {
        assert_eq!(plan(Request::Auto, wgpu::Backends::empty(), None).unwrap(), vec![Renderer::Glow]);
    }

    #[test]
    fn wgpu_backend_moves_its_backends_to_the_front_and_keeps_the_rest() {
        use Renderer::*;
        assert_eq!(plan(Request::Auto, WINDOWS, Some("vulkan")).unwrap(), vec![Vulkan, Dx12, WgpuGl, Glow]);
        assert_eq!(plan(Request::Auto, WINDOWS, Some("gl,vulkan")).unwrap(), vec![Vulkan, WgpuGl, Dx12, Glow]);
        // A backend this build lacks, or a word wgpu does not know, changes nothing.
        assert_eq!(plan(Request::Auto, LINUX, Some("metal")).unwrap(), vec![Vulkan, WgpuGl, Glow]);
        assert_eq!(plan(Request::Auto, LINUX, Some("nonsense")).unwrap(), vec![Vulkan, WgpuGl, Glow]);
    }

    #[test]
    fn a_forced_renderer_is_tried_alone() {
        assert_eq!(plan(Request::Only(Renderer::Glow), WINDOWS, Some("vulkan")).unwrap(), vec![Renderer::Glow]);
        assert_eq!(plan(Request::Only(Renderer::Vulkan), LINUX, None).unwrap(), vec![Renderer::Vulkan]);
    }

    #[test]
    fn a_forced_renderer_missing_from_this_build_is_a_clear_error() {
        let err = plan(Request::Only(Renderer::Dx12), LINUX, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "DESKCHECK_RENDERER=dx12 asks for a renderer this build of deskcheck does not have on this system"
        );
    }

    #[test]
    fn the_variable_takes_every_name_in_any_case_and_refuses_others() {
        assert_eq!(Request::parse(None).unwrap(), Request::Auto);
        assert_eq!(Request::parse(Some("")).unwrap(), Request::Auto);
        assert_eq!(Request::parse(Some(" AUTO ")).unwrap(), Request::Auto);
        for renderer in Renderer::FALLBACK_ORDER {
            assert_eq!(Request::parse(Some(renderer.name())).unwrap(), Request::Only(renderer));
            assert_eq!(Request::parse(Some(&renderer.name().to_uppercase())).unwrap(), Request::Only(renderer));
        }
        let err = Request::parse(Some("directx")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "DESKCHECK_RENDERER=\"directx\" names no renderer; use one of auto, dx12, metal, vulkan, gl, glow"
        );
    }

    #[test]
    fn failures_read_as_one_line_per_renderer() {
        let failures = [
            Failure { renderer: Renderer::Dx12, reason: "WGPU error: Parent device is lost".into() },
            Failure { renderer: Renderer::Vulkan, reason: "no adapter".into() },
        ];
        assert_eq!(
            describe_failures(&failures),
            "dx12 (wgpu on Direct3D 12): WGPU error: Parent device is lost; vulkan (wgpu on Vulkan): no adapter"
        );
        assert_eq!(describe_failures(&[]), "no renderer was tried");
    }
}

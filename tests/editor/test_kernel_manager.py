"""The server's kernel managers, on real kernels."""

import asyncio

from campaignkit.editor.kernel_manager import KernelManager


async def ready_client(kernel):
    """A client of `kernel` as nbclient makes one: channels started, the kernel answering."""
    client = kernel.client()
    client.start_channels()
    await client.wait_for_ready(timeout=60)
    return client


async def alive_before_and_after_a_restart() -> dict:
    kernels = KernelManager()
    kernel_id = await kernels.start_kernel(kernel_name="python3")
    try:
        kernel = kernels.get_kernel(kernel_id)
        before = await ready_client(kernel)
        seen = {"before, before the restart": await before.is_alive()}
        await kernel.restart_kernel(now=True, newports=True)  # as Jupyter's restarter does
        seen["before, after the restart"] = await before.is_alive()
        before.stop_channels()
        after = await ready_client(kernel)
        seen["after, after the restart"] = await after.is_alive()
        after.stop_channels()
        return seen
    finally:
        await kernels.shutdown_all(now=True)


def test_a_client_made_before_a_restart_is_told_its_kernel_died():
    """nbclient, running the workbook, asks its client whether the kernel is alive: once
    the kernel has been restarted, the cell it waits for can never answer."""
    assert asyncio.run(alive_before_and_after_a_restart()) == {
        "before, before the restart": True,
        "before, after the restart": False,
        "after, after the restart": True,
    }

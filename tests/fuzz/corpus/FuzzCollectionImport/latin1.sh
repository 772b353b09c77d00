curl 'https://x.test/café' -u 'josé:päss' -H 'X-Name: José' --data-binary $'\xff\xfe\x80' -k
